package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// markPager writes a pager to dir that prints a mark and its arguments,
// then its input, and returns its path.
func markPager(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\necho \"[paged: $*]\"\nexec cat\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestE2EShowPager: show on a terminal pages a guide taller than the
// screen through $PAGER (less -R when PAGER is not set); a guide that
// fits, a pipe, --no-pager, PAGER=cat and a pager that cannot start all
// print directly.
func TestE2EShowPager(t *testing.T) {
	pager := markPager(t, t.TempDir(), "mypager")
	out := printed(t, 80, 24, []string{"PAGER=" + pager + " --flag"}, "show", "glossary")
	// The pager's mark comes first (after show's question to the terminal
	// about its background).
	if i := strings.Index(out, "[paged: --flag]\n"); i < 0 || i > strings.Index(out, "Glossary of Canadian work permit") {
		t.Errorf("a long guide did not go through $PAGER:\n%.300q", out)
	}

	// Without PAGER: less -R, found on the PATH.
	bin := t.TempDir()
	markPager(t, bin, "less")
	out = printed(t, 80, 24, []string{"PAGER=", "PATH=" + bin + ":" + os.Getenv("PATH")}, "show", "glossary")
	if i := strings.Index(out, "[paged: -R]\n"); i < 0 || i > strings.Index(out, "Glossary of Canadian work permit") {
		t.Errorf("without PAGER, the guide did not go through less -R:\n%.300q", out)
	}

	direct := func(what string, env []string, args ...string) {
		t.Helper()
		out := printed(t, 80, 24, append([]string{"PAGER=" + pager}, env...), args...)
		if strings.Contains(out, "[paged") {
			t.Errorf("%s went through the pager", what)
		}
		if !strings.Contains(out, "Reviewed ") {
			t.Errorf("%s: the guide was not printed:\n%.300q", what, out)
		}
	}
	direct("--no-pager", nil, "show", "--no-pager", "glossary")
	direct("PAGER=cat", []string{"PAGER=cat"}, "show", "glossary")
	direct("a pager that cannot start", []string{"PAGER=" + filepath.Join(bin, "no-such-pager")}, "show", "glossary")
	direct("a section shorter than the screen", nil, "show", "glossary#check-the-official-source")
	// A terminal taller than the guide.
	if out := printed(t, 80, 2000, []string{"PAGER=" + pager}, "show", "glossary"); strings.Contains(out, "[paged") {
		t.Error("a guide that fits the screen went through the pager")
	}

	// A pipe never pages.
	cmd := exec.Command(binary(t), "show", "glossary")
	cmd.Env = append(os.Environ(), "PAGER="+pager, "XDG_STATE_HOME="+t.TempDir())
	piped, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(piped), "[paged") || !strings.Contains(string(piped), "Glossary") {
		t.Errorf("piped show went through the pager:\n%.300q", piped)
	}
}
