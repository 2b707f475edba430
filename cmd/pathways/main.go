// Command pathways is an offline terminal browser for guides on Canadian work
// permits and the routes from temporary work to permanent residence.
package main

import (
	"context"
	"io"
	"os"

	"charm.land/fang/v2"
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
	// fang styles help and adds the man page; errors are printed here, in
	// pathways' own form, made safe to print.
	err := fang.Execute(context.Background(), cmd,
		fang.WithVersion(versionString()),
		fang.WithoutCompletions(), // cobra's completion command, with slug completion
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}))
	if _, silent := err.(exitCode); err != nil && !silent {
		app.errorf("%v", err)
	}
	return codeFor(err)
}
