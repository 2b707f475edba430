package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"pathways/guides"
)

// ErrHangup is returned by Run when the terminal went away (SIGHUP).
var ErrHangup = errors.New("the terminal hung up")

// SignalError is returned by Run when a signal other than SIGHUP, SIGINT
// or SIGTERM ended it.
type SignalError struct{ Signal os.Signal }

func (e *SignalError) Error() string { return "stopped by " + e.Signal.String() }

// frameRate is the most frames a second the browser draws.
const frameRate = 30

// Run opens the browser on the terminal behind in and out and blocks until
// the reader quits. Bubble Tea restores the terminal on quit, on ctrl+c, on
// SIGTERM and when a panic is caught (the panic comes back as an error);
// every other signal that would end the program at once (SIGHUP, SIGQUIT,
// SIGUSR1, …; see endSignals) is caught here so it ends the program the
// same orderly way, with the terminal restored.
//
// The reading state in opts.Store is saved once more when the program ends,
// however it ends.
func Run(lib *guides.Library, opts Options, in io.Reader, out io.Writer) (err error) {
	var model tea.Model = New(lib, opts)
	if os.Getenv("PATHWAYS_TEST_PANIC") != "" {
		model = panicOnKey{model}
	}
	// Bubble Tea's renderer wakes at its frame rate whether or not
	// anything changed; at its default 60 a browser left open costs more
	// than 1% of a core doing nothing (BenchmarkScaleIdle).
	p := tea.NewProgram(model, tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(frameRate))

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	defer signal.Stop(sigs)
	caught := make(chan os.Signal, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case sig := <-sigs:
			caught <- sig
			p.Quit()
		case <-done:
		}
	}()

	_, runErr := p.Run()
	if opts.Store != nil {
		if err := opts.Store.Save(); err != nil && runErr == nil {
			runErr = fmt.Errorf("could not save reading state: %w", err)
		}
	}
	select {
	case sig := <-caught:
		if sig == syscall.SIGHUP {
			return ErrHangup
		}
		return &SignalError{Signal: sig}
	default:
	}
	if runErr != nil {
		return fmt.Errorf("the browser stopped: %w", runErr)
	}
	return nil
}
