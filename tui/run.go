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
func Run(lib *guides.Library, opts Options, in io.Reader, out io.Writer) (err error) {
	p := tea.NewProgram(New(lib, opts), tea.WithInput(in), tea.WithOutput(out))
	if _, err = p.Run(); err != nil {
		return fmt.Errorf("the browser stopped: %w", err)
	}
	return nil
}
