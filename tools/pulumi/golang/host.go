package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/common/constant"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// languageHost answers the engine's LanguageRuntime calls; those it leaves out answer Unimplemented.
type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

// GetPluginInfo tells the engine (and `pulumi about`) which engine release the host was built with.
func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// GetRequiredPlugins names none: the provider plugin is loaded from Pulumi.yaml's `plugins.providers`.
func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages names none, for the same reason as GetRequiredPlugins.
func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// InstallDependencies downloads the program's modules (`pulumi install`), streaming what go printed.
func (h *languageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	download := exec.CommandContext(stream.Context(), "go", "mod", "download")
	download.Dir = programDirectory(req.GetInfo(), req.GetDirectory())
	output, err := download.CombinedOutput()
	if len(output) > 0 {
		if sendErr := stream.Send(&pulumirpc.InstallDependenciesResponse{Stderr: output}); sendErr != nil {
			return sendErr
		}
	}
	if err != nil {
		return fmt.Errorf("go mod download in %s: %w", download.Dir, err)
	}
	return nil
}

// Run builds the program into a temporary file and runs it; a failure the program already reported to
// the engine (the Go SDK's exit status for a logged error) comes back as bail, so it is shown once.
func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	dir := programDirectory(req.GetInfo(), req.GetPwd())
	scratch, err := os.MkdirTemp("", "pulumi-go-program-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	binary := filepath.Join(scratch, "program")
	build := exec.CommandContext(ctx, "go", "build", "-o", binary, ".")
	build.Dir = dir
	if output, err := build.CombinedOutput(); err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("go build in %s: %v\n%s", dir, err, output)}, nil
	}
	environment, err := programEnvironment(req, h.engineAddress)
	if err != nil {
		return nil, err
	}
	program := exec.CommandContext(ctx, binary, req.GetArgs()...)
	program.Dir = req.GetPwd()
	program.Env = append(os.Environ(), environment...)
	program.Stdout, program.Stderr = os.Stdout, os.Stderr
	err = program.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exit) && exit.ExitCode() == constant.ExitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Go program failed: %v", err)}, nil
	}
}

// programDirectory is where the program's go.mod is: the engine's ProgramInfo, else the given fallback.
func programDirectory(info *pulumirpc.ProgramInfo, fallback string) string {
	if dir := info.GetProgramDirectory(); dir != "" {
		return dir
	}
	return fallback
}

// programEnvironment is what the Go SDK's pulumi.Run reads to reach the engine and know its stack.
func programEnvironment(req *pulumirpc.RunRequest, engineAddress string) ([]string, error) {
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	return []string{
		"PULUMI_MONITOR=" + req.GetMonitorAddress(),
		"PULUMI_ENGINE=" + engineAddress,
		"PULUMI_ORGANIZATION=" + req.GetOrganization(),
		"PULUMI_PROJECT=" + req.GetProject(),
		"PULUMI_STACK=" + req.GetStack(),
		"PULUMI_ROOT_DIRECTORY=" + req.GetInfo().GetRootDirectory(),
		"PULUMI_CONFIG=" + string(config),
		"PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeys),
		"PULUMI_DRY_RUN=" + strconv.FormatBool(req.GetDryRun()),
		"PULUMI_PARALLEL=" + strconv.Itoa(int(req.GetParallel())),
	}, nil
}
