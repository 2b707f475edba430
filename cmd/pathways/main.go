// Command pathways is an offline terminal browser for guides on Canadian work
// permits and the routes from temporary work to permanent residence.
package main

import (
	"io"
	"os"
	"strconv"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	cmd := app.rootCmd()
	cmd.SetArgs(args)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	if err := cmd.Execute(); err != nil {
		if code, ok := err.(exitCode); ok {
			return int(code)
		}
		app.errorf("%v", err)
		return 2
	}
	return 0
}

// exitCode ends a command with a code and no further message (the command
// has already said what went wrong).
type exitCode int

func (e exitCode) Error() string { return "exit status " + strconv.Itoa(int(e)) }
