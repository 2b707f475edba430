//go:build !unix

package tui

import (
	"os"
	"syscall"
)

// endSignals are the signals whose default action ends the program, caught
// so the terminal is restored first.
var endSignals = []os.Signal{syscall.SIGHUP, syscall.SIGQUIT}
