package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestE2EResumeAndBookmark reads a guide to the middle, quits, starts again
// and lands at the same place; then bookmarks a section, quits, and
// `pathways bookmarks` lists it.
func TestE2EResumeAndBookmark(t *testing.T) {
	state := "XDG_STATE_HOME=" + t.TempDir()
	s := start(t, 90, 24, []string{state}, "express-entry-strategy")
	s.waitText("## In short") // rendered
	s.send("  ")              // two pages down
	s.waitFor("scrolled", func(txt string) bool { return !strings.Contains(txt, "## In short") })
	firstLine := strings.TrimSpace(s.line(2))
	footer := s.line(23)
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}

	s = start(t, 90, 24, []string{state})
	s.waitText("c continues Express Entry strategy")
	s.send("c")
	s.waitText("resumed at ")
	if got := strings.TrimSpace(s.line(2)); got != firstLine {
		t.Errorf("resumed at %q, want %q (footer before: %q)", got, firstLine, footer)
	}

	s.send("m")
	s.waitText("bookmarked Express Entry strategy")
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	cmd := exec.Command(binary(t), "bookmarks")
	cmd.Env = append(cmd.Environ(), state)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pathways bookmarks: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "express-entry-strategy#") || !strings.Contains(string(out), "Express Entry strategy") {
		t.Errorf("bookmarks output does not list the bookmark:\n%s", out)
	}
}
