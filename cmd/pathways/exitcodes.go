package main

import (
	"errors"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/tui"
)

// Exit codes, documented in --help and the README.
const (
	exitOK       = 0 // success
	exitNotFound = 1 // nothing found (search) or problems found (check)
	exitUsage    = 2 // a usage error: unknown flag or slug, bad value or answers
	exitRuntime  = 3 // a runtime failure: an unreadable folder, a failed render or save
)

// exitCodesHelp is the exit codes, as --help shows them.
const exitCodesHelp = "Exit codes: 0 success; 1 nothing found (search) or problems found (check); " +
	"2 usage error (unknown flag, slug or style, bad answers file, no terminal for the browser or the form); " +
	"3 runtime failure (unreadable folder, failed render or save); " +
	"128+N when signal N ends the browser (130 when the form is cancelled)."

// exitCode ends a command with a code and no further message (the command
// has already said what went wrong).
type exitCode int

func (e exitCode) Error() string { return "exit status " + strconv.Itoa(int(e)) }

// usageError marks an error as the user's to fix (exit code 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// usage marks err as a usage error; nil stays nil.
func usage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// usageArgs makes a cobra argument check report a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error { return usage(check(cmd, args)) }
}

// codeFor is the exit code for an error a command returned.
func codeFor(err error) int {
	var code exitCode
	var ue usageError
	var unknown *guides.UnknownGuideError
	var sig *tui.SignalError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &code):
		return int(code)
	case errors.As(err, &ue), errors.As(err, &unknown):
		return exitUsage
	case errors.Is(err, tui.ErrHangup):
		return 128 + int(syscall.SIGHUP)
	case errors.As(err, &sig):
		if s, ok := sig.Signal.(syscall.Signal); ok {
			return 128 + int(s)
		}
	}
	return exitRuntime
}
