package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFindSpans(t *testing.T) {
	got := findSpans("  PGWP and pgwp, café PGWP", "pgwp")
	want := []span{{2, 6}, {11, 15}, {22, 26}}
	if len(got) != len(want) {
		t.Fatalf("spans %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, got[i], want[i])
		}
	}
	if s := findSpans("abc", ""); s != nil {
		t.Errorf("empty query found %v", s)
	}
}

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
