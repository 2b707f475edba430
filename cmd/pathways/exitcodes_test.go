package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes runs the command line for each kind of outcome and checks
// the documented exit code.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(answers, []byte("location: mars\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"list", []string{"list"}, exitOK},
		{"show", []string{"show", "glossary"}, exitOK},
		{"search with results", []string{"search", "pgwp"}, exitOK},
		{"search with none", []string{"search", "zzqqxx"}, exitNotFound},
		{"check, clean", []string{"check"}, exitOK},
		{"unknown flag", []string{"--nope", "list"}, exitUsage},
		{"bad flag value", []string{"--max-size", "lots", "list"}, exitUsage},
		{"unknown style", []string{"--style", "neon", "show", "glossary"}, exitUsage},
		{"unknown slug", []string{"show", "no-such-guide"}, exitUsage},
		{"unknown section", []string{"show", "glossary#no-such-section"}, exitUsage},
		{"too many arguments", []string{"show", "a", "b"}, exitUsage},
		{"missing folder", []string{"--dir", filepath.Join(dir, "nowhere"), "list"}, exitUsage},
		{"bad answers", []string{"find", "--answers", answers}, exitUsage},
		{"missing answers file", []string{"find", "--answers", filepath.Join(dir, "none.yaml")}, exitUsage},
		{"browser without a terminal", []string{}, exitUsage},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := run(c.args, strings.NewReader(""), &out, &errOut); got != c.want {
				t.Errorf("pathways %s: exit %d, want %d; stderr: %s", strings.Join(c.args, " "), got, c.want, errOut.String())
			}
		})
	}
	if os.Geteuid() != 0 {
		var errOut bytes.Buffer
		if got := run([]string{"--dir", locked, "check"}, strings.NewReader(""), &bytes.Buffer{}, &errOut); got != exitNotFound {
			t.Errorf("an unreadable folder: exit %d, want %d (a problem check reports)", got, exitNotFound)
		}
	}
}

// TestJSONAlwaysValid: --json prints valid JSON, an empty array when there
// is nothing to print.
func TestJSONAlwaysValid(t *testing.T) {
	for _, args := range [][]string{
		{"search", "--json", "zzqqxx"}, {"search", "--json", "pgwp"}, {"list", "--json"},
		{"bookmarks", "--json", "--no-state"},
	} {
		var out bytes.Buffer
		run(args, strings.NewReader(""), &out, &bytes.Buffer{})
		var v []any
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Errorf("pathways %s: not a JSON array: %v\n%s", strings.Join(args, " "), err, out.String())
		}
	}
}
