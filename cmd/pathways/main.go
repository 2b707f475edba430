// Command pathways is an offline terminal browser for guides on Canadian work
// permits and the routes from temporary work to permanent residence.
package main

import (
	"context"
	"io"
	"os"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
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
	// pathways' own form, made safe to print. A command's error is kept
	// from fang: before its error handler, fang asks the terminal for its
	// background, a read that can hang once the browser has let go of the
	// terminal (after a panic, say) and that delays every error on a
	// terminal that does not answer.
	var runErr error
	keepErrors(cmd, &runErr)
	err := fang.Execute(context.Background(), cmd,
		fang.WithVersion(versionString()),
		fang.WithoutCompletions(), // cobra's completion command, with slug completion
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}))
	if err == nil {
		err = runErr
	}
	if _, silent := err.(exitCode); err != nil && !silent {
		app.errorf("%v", err)
	}
	return codeFor(err)
}

// keepErrors makes every command under c store its error in *dst and
// report success to cobra.
func keepErrors(c *cobra.Command, dst *error) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			*dst = run(cmd, args)
			return nil
		}
	}
	for _, sub := range c.Commands() {
		keepErrors(sub, dst)
	}
}
