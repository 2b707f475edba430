package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"pathways/tui/state"
)

// runBookmarks runs `pathways bookmarks args…` with env as the whole
// environment. The root here declares --no-state as rootCmd will.
func runBookmarks(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return env[k] }}
	root := &cobra.Command{Use: "pathways", SilenceUsage: true, SilenceErrors: true}
	root.PersistentFlags().Bool("no-state", false, "")
	root.AddCommand(a.bookmarksCmd())
	root.SetArgs(append([]string{"bookmarks"}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

func TestBookmarksCommand(t *testing.T) {
	stateHome := t.TempDir()
	env := map[string]string{"XDG_STATE_HOME": stateHome}
	path := filepath.Join(stateHome, "pathways", "state.json")

	stdout, stderr, err := runBookmarks(t, env)
	if err != nil || stdout != "" || !strings.Contains(stderr, "no bookmarks yet") {
		t.Fatalf("no state: stdout %q stderr %q err %v", stdout, stderr, err)
	}
	if _, err := os.Stat(filepath.Dir(path)); err == nil {
		t.Fatal("listing bookmarks created the state folder")
	}

	s, _, err := state.Open(path, state.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.ToggleBookmark(state.Bookmark{Slug: "about-these-guides", Anchor: "in-short", Heading: "Old heading text"})
	s.ToggleBookmark(state.Bookmark{Slug: "bridging-open-work-permit"})
	s.ToggleBookmark(state.Bookmark{Slug: "no-such-guide", Anchor: "x", Heading: "Gone"})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	stdout, stderr, err = runBookmarks(t, env)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines (the missing guide hidden), got:\n%s", stdout)
	}
	for i, want := range [][]string{
		{"bridging-open-work-permit", "(top)", "Bridging open work permit (BOWP)"},
		{"about-these-guides#in-short", "In short"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("line %d %q lacks %q", i, lines[i], w)
			}
		}
	}
	if !strings.Contains(stderr, "1 bookmark(s) for guides not loaded now") {
		t.Errorf("stderr %q does not mention the hidden bookmark", stderr)
	}

	stdout, _, err = runBookmarks(t, env, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got []bookmarkJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if len(got) != 2 || got[1].Slug != "about-these-guides" || got[1].Anchor != "in-short" ||
		got[1].Heading != "In short" || got[1].Title == "" || got[1].Created.IsZero() {
		t.Errorf("--json = %+v", got)
	}

	// Off, by flag or environment: nothing read, nothing written.
	for name, run := range map[string]func() (string, string, error){
		"--no-state": func() (string, string, error) { return runBookmarks(t, env, "--no-state") },
		"PATHWAYS_STATE=off": func() (string, string, error) {
			return runBookmarks(t, map[string]string{"XDG_STATE_HOME": stateHome, "PATHWAYS_STATE": "off"})
		},
	} {
		stdout, stderr, err := run()
		if err != nil || stdout != "" || !strings.Contains(stderr, "saved state is off") {
			t.Errorf("%s: stdout %q stderr %q err %v", name, stdout, stderr, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the state file changed")
	}
}

func TestBookmarksCommandCorruptState(t *testing.T) {
	stateHome := t.TempDir()
	path := filepath.Join(stateHome, "pathways", "state.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"bookmarks": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runBookmarks(t, map[string]string{"XDG_STATE_HOME": stateHome}, "--json")
	if err != nil || strings.TrimSpace(stdout) != "[]" || !strings.Contains(stderr, "moved it aside as state.json.corrupt-") {
		t.Fatalf("stdout %q stderr %q err %v", stdout, stderr, err)
	}
}
