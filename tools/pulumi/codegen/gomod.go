package main

import (
	"errors"
	"runtime/debug"

	"golang.org/x/mod/modfile"
)

const pulumiSDK = "github.com/pulumi/pulumi/sdk/v3"

// withOwnSDK makes the Go SDK's go.mod require the Pulumi Go SDK this generator is built with (the
// engine's release) instead of the generator's fixed older one, whose dependencies the proxy refuses.
func withOwnSDK(goMod []byte) ([]byte, error) {
	version, err := ownSDKVersion()
	if err != nil {
		return nil, err
	}
	file, err := modfile.Parse("go.mod", goMod, nil)
	if err != nil {
		return nil, err
	}
	if err := file.AddRequire(pulumiSDK, version); err != nil {
		return nil, err
	}
	return file.Format()
}

func ownSDKVersion() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if ok {
		for _, dep := range info.Deps {
			if dep.Path == pulumiSDK {
				return dep.Version, nil
			}
		}
	}
	return "", errors.New("the generator's build records no " + pulumiSDK)
}
