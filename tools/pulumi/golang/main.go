// Command pulumi-language-go is this project's own Go language host: the process the Pulumi engine
// starts for a program whose Pulumi.yaml says `runtime: go`. The engine's own host lives in the module
// github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3, which the Go module proxy reachable here refuses
// at every version (403), so scripts/ensure-pulumi.sh builds this one beside the engine instead. It
// implements only what programs of this package need for preview, up, refresh and destroy: it builds the
// program with `go build` and runs it against the engine's resource monitor. Plugins come from the
// project's `plugins.providers`, so it reports no required packages; it offers no debugging, policy
// packs, program generation or templates.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// main serves the LanguageRuntime protocol and prints its port, the one line the engine waits for.
func main() {
	if err := serve(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-go: %v\n", err)
		os.Exit(1)
	}
}

// serve listens on a free loopback port until the engine ends the process; the engine's address is the
// last argument (flags such as --tracing or -v=N come before it and are not used).
func serve(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: pulumi-language-go [engine flags] ENGINE_ADDRESS")
	}
	server := &languageHost{engineAddress: args[len(args)-1]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(s *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(s, server)
			return nil
		},
	})
	if err != nil {
		return err
	}
	fmt.Printf("%d\n", handle.Port)
	return <-handle.Done
}
