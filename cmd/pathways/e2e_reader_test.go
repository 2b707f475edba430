package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestE2EOpenWebLink: in the real binary, a citation's enter shows its
// source with the source's web link chosen, and o hands that address to
// the platform's opener, found on PATH (here a stand-in that writes down
// what it was given), and says so.
func TestE2EOpenWebLink(t *testing.T) {
	bin := t.TempDir()
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	got := filepath.Join(t.TempDir(), "opened")
	// PATH holds only this script: it uses the shell's builtins.
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s := start(t, 100, 30, []string{"PATH=" + bin}, "spousal-open-work-permit")
	s.waitText("tab next link")
	s.send(keyTab)
	s.waitText("→ source")
	s.send(keyEnter)
	s.waitText("o open link in browser")
	s.send("o")
	s.waitText("opened in your browser: https://")
	shown := s.text() // before the status clears itself
	var url []byte
	s.waitFor("the opener to run", func(string) bool {
		var err error
		url, err = os.ReadFile(got)
		return err == nil && strings.HasSuffix(string(url), "\n")
	})
	u := strings.TrimSpace(string(url))
	if !strings.HasPrefix(u, "https://") || strings.Contains(u, "\n") {
		t.Fatalf("the opener was given %q, want one web address", url)
	}
	if !strings.Contains(shown, "opened in your browser: "+u[:min(len(u), 40)]) {
		t.Errorf("the status does not name %q:\n%s", u, shown)
	}
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.assertRestored()
}
