package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// printed runs a printing command in a pseudo-terminal of w×h cells and
// returns what it wrote, lines ended by "\n", after checking it exits 0.
func printed(t *testing.T, w, h int, env []string, args ...string) string {
	t.Helper()
	s := start(t, w, h, env, args...)
	if code := s.exit(); code != 0 {
		t.Fatalf("pathways %q: exit code %d; screen:\n%s", args, code, s.text())
	}
	s.mu.Lock()
	raw := s.raw.String()
	s.mu.Unlock()
	raw, _, _ = strings.Cut(raw, "\r\n[end of test output]")
	return strings.ReplaceAll(raw, "\r\n", "\n")
}

// checkFits fails when a line of out is wider than width or holds a tab.
func checkFits(t *testing.T, what, out string, width int) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s: a line is %d cells wide on a terminal of %d: %q", what, w, width, ansi.Strip(l))
		}
		if strings.Contains(l, "\t") {
			t.Errorf("%s: a tab on a terminal: %q", what, ansi.Strip(l))
		}
	}
}

// TestE2ETablesOnTerminal: on a terminal, list, search and find fit its
// width (or --width), with the slug in bold and long titles cut with "…";
// NO_COLOR keeps the layout without styling. (Pipes keep the
// tab-separated lines the testscripts pin.)
func TestE2ETablesOnTerminal(t *testing.T) {
	out := printed(t, 70, 30, nil, "list")
	checkFits(t, "list", out, 70)
	if !strings.Contains(out, "\x1b[1mwork-permit-canada-pathways\x1b[m") {
		t.Errorf("list: the slug is not bold:\n%q", out)
	}
	if !strings.Contains(out, "Work permits as a…") {
		t.Errorf("list: a long title is not cut with …:\n%s", ansi.Strip(out))
	}
	if got := strings.Count(out, "\n"); got != 18 {
		t.Errorf("list: %d lines, want one per guide (18)", got)
	}

	out = printed(t, 120, 30, nil, "--width", "50", "list")
	checkFits(t, "list --width 50", out, 50)

	out = printed(t, 70, 30, []string{"NO_COLOR=1"}, "list")
	checkFits(t, "list with NO_COLOR", out, 70)
	if strings.Contains(out, "\x1b") {
		t.Errorf("list with NO_COLOR: escape codes in %q", out)
	}

	out = printed(t, 72, 30, nil, "search", "pgwp", "language", "--limit", "3")
	checkFits(t, "search", out, 72)
	if !strings.Contains(out, "\x1b[1mpost-graduation-work-permit\x1b[m  Post-graduation work permit (PGWP)") {
		t.Errorf("search: no bold slug then title:\n%q", out)
	}

	answers := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(answers, []byte("location: in-canada\nstatus: graduate\nstudy: {credential: master, months: 16, completed: true}\nclb: 6\npartner: worker-teer-0-1\npartner_permit_months: 20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = printed(t, 60, 40, nil, "find", "--answers", answers)
	guidesPart, _, _ := strings.Cut(out, "Answers that would sharpen this:")
	checkFits(t, "find", guidesPart, 60)
	if !strings.HasPrefix(guidesPart, "\x1b[1mspousal-open-work-permit\x1b[m\n  Your partner's job") {
		t.Errorf("find: not the bold slug, then its reason indented under it:\n%q", guidesPart)
	}
	// The reason is the answer: wrapped, never cut.
	if !strings.Contains(ansi.Strip(guidesPart), "left when you apply.") || strings.Contains(guidesPart, "…") {
		t.Errorf("find: a reason was cut:\n%s", ansi.Strip(guidesPart))
	}
}
