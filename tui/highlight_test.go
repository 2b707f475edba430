package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestHighlightKeepsText(t *testing.T) {
	line := "\x1b[1mhello\x1b[0m world"
	out := highlight(line, 3, 8, NewStyles(true, false).LinkFocus)
	if ansi.Strip(out) != "hello world" {
		t.Errorf("highlight changed the text: %q", ansi.Strip(out))
	}
	if highlight(line, 50, 60, NewStyles(true, false).LinkFocus) != line {
		t.Errorf("highlight past the end changed the line")
	}
}
