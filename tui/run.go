package tui

import (
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"

	"pathways/guides"
)

// Run opens the browser on the terminal behind in and out and blocks until
// the reader quits. Bubble Tea restores the terminal on quit, on ctrl+c and
// when a panic is caught; the panic comes back as an error.
//
// The reading state in opts.Store is saved once more when the program ends,
// however it ends.
func Run(lib *guides.Library, opts Options, in io.Reader, out io.Writer) (err error) {
	p := tea.NewProgram(New(lib, opts), tea.WithInput(in), tea.WithOutput(out))
	_, runErr := p.Run()
	if opts.Store != nil {
		if err := opts.Store.Save(); err != nil && runErr == nil {
			return fmt.Errorf("could not save reading state: %w", err)
		}
	}
	if runErr != nil {
		return fmt.Errorf("the browser stopped: %w", runErr)
	}
	return nil
}
