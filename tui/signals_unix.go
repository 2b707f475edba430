//go:build unix

package tui

import (
	"os"
	"syscall"
)

// endSignals are the signals whose default action ends the program (SIGINT
// and SIGTERM are Bubble Tea's), caught so the terminal is restored first.
var endSignals = []os.Signal{
	syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM,
	syscall.SIGVTALRM, syscall.SIGPROF, syscall.SIGXCPU, syscall.SIGXFSZ,
}
