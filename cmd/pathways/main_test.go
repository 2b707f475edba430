package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the pathways command inside scripts,
// so the scripts run the real command line in its own process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pathways": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Setup: func(e *testscript.Env) error {
		e.Setenv("esc", "\x1b") // for scripts that type an escape
		return nil
	}})
}
