package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
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
	}, Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// exits CODE COMMAND ARGS… runs a command and checks its exit code.
		"exits": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) < 2 {
				ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
			}
			want, err := strconv.Atoi(args[0])
			if err != nil {
				ts.Fatalf("exits: %v", err)
			}
			err = ts.Exec(args[1], args[2:]...)
			got := 0
			var ee *exec.ExitError
			switch {
			case errors.As(err, &ee):
				got = ee.ExitCode()
			case err != nil:
				ts.Fatalf("exits: %v", err)
			}
			if (got == want) == neg {
				ts.Fatalf("exit code %d, want %d", got, want)
			}
		},
	}})
}
