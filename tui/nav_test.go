package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestNoticeWrapsToShowThePath: a notice longer than the terminal is wide
// (a state file moved aside, with its path) wraps over the list's last
// lines, so the whole path can be read, and goes at the next key.
func TestNoticeWrapsToShowThePath(t *testing.T) {
	path := "/home/someone/.local/state/pathways/state.json.corrupt-20261201T120000"
	notice := "state file /home/someone/.local/state/pathways/state.json was unreadable; moved aside to " + path
	d := newDriver(t, embedded, Options{Notice: notice}, 60, 20)
	v := ansi.Strip(d.m.View().Content)
	lines := strings.Split(v, "\n")
	if len(lines) != 20 {
		t.Fatalf("the view has %d lines, want 20", len(lines))
	}
	tail := strings.Join(strings.Fields(strings.Join(lines[len(lines)-4:], "")), "")
	if !strings.Contains(tail, strings.ReplaceAll(notice, " ", "")) {
		t.Errorf("the notice is not readable whole at the bottom:\n%s", v)
	}
	d.keys("j")
	if strings.Contains(ansi.Strip(d.m.View().Content), "moved aside") {
		t.Error("the notice outstayed the next key")
	}
}
