package state

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// stepClock is a clock that moves one second on every reading.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func newStepClock(start string) *stepClock {
	t, err := time.Parse(time.RFC3339, start)
	if err != nil {
		panic(err)
	}
	return &stepClock{t: t}
}

func (c *stepClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func openTestStore(t *testing.T, path string, opts Options) *Store {
	t.Helper()
	s, warning, err := Open(path, opts)
	if err != nil || warning != "" {
		t.Fatalf("Open(%s): warning %q, err %v", path, warning, err)
	}
	return s
}

func mustSave(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatalf("Save: %v", err)
	}
}

func bookmarkKeys(bms []Bookmark) []string {
	var out []string
	for _, b := range bms {
		out = append(out, b.Slug+"#"+b.Anchor)
	}
	return out
}

func fileMode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// matches lists the files in dir whose names start with prefix.
func matches(t *testing.T, dir, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "pathways")
	path := filepath.Join(dir, "state.json")
	clock := newStepClock("2026-03-01T10:00:00Z")

	s := openTestStore(t, path, Options{Now: clock.now})
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Open created the state folder (stat: %v); it must wait for the first write", err)
	}
	if s.Dirty() {
		t.Fatal("a fresh store is dirty")
	}
	mustSave(t, s) // nothing to write: still no file
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("Save with no changes created the state folder")
	}

	s.SetPosition("express-entry", Position{Line: 120, Lines: 400, Anchor: "crs-points"})
	s.MarkRead("express-entry")
	s.MarkRead("pgwp")
	if !s.ToggleBookmark(Bookmark{Slug: "express-entry", Anchor: "crs-points", Heading: "CRS points"}) {
		t.Fatal("ToggleBookmark on a new place did not add")
	}
	s.ToggleBookmark(Bookmark{Slug: "pgwp", Heading: ""})
	s.ToggleBookmark(Bookmark{Slug: "gone-guide", Anchor: "x", Heading: "Kept though the guide is gone"})
	if !s.Dirty() {
		t.Fatal("store with changes is not dirty")
	}
	mustSave(t, s)
	if s.Dirty() {
		t.Fatal("store still dirty after Save")
	}

	if m := fileMode(t, dir); m != 0o700 {
		t.Errorf("state folder mode %v, want 0700", m)
	}
	if m := fileMode(t, path); m != 0o600 {
		t.Errorf("state file mode %v, want 0600", m)
	}
	if left := matches(t, dir, "state.json.tmp-"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	r := openTestStore(t, path, Options{})
	p, ok := r.Position("express-entry")
	if !ok || p.Line != 120 || p.Lines != 400 || p.Anchor != "crs-points" || !p.Time.Equal(time.Date(2026, 3, 1, 10, 0, 1, 0, time.UTC)) {
		t.Errorf("position after reopen = %+v, %v", p, ok)
	}
	if got, want := fmt.Sprint(bookmarkKeys(r.Bookmarks())), "[gone-guide#x pgwp# express-entry#crs-points]"; got != want {
		t.Errorf("bookmarks after reopen = %s, want %s (newest first)", got, want)
	}
	if b := r.Bookmarks()[2]; b.Heading != "CRS points" || b.Created.IsZero() {
		t.Errorf("bookmark after reopen = %+v", b)
	}
	if got := fmt.Sprint(r.Recent(0)); got != "[pgwp express-entry]" {
		t.Errorf("recent after reopen = %s", got)
	}
	if last, ok := r.LastRead(); !ok || last != "pgwp" {
		t.Errorf("LastRead = %q, %v", last, ok)
	}
	if !r.HasBookmark("pgwp", "") || r.HasBookmark("pgwp", "other") {
		t.Error("HasBookmark wrong after reopen")
	}

	// Toggling an existing bookmark removes it, and the removal persists.
	if r.ToggleBookmark(Bookmark{Slug: "pgwp"}) {
		t.Fatal("ToggleBookmark on a bookmarked place added")
	}
	if r.RemoveBookmark("pgwp", "") {
		t.Fatal("RemoveBookmark of a removed bookmark reported one")
	}
	if !r.RemoveBookmark("gone-guide", "x") {
		t.Fatal("RemoveBookmark found nothing")
	}
	mustSave(t, r)
	r2 := openTestStore(t, path, Options{})
	if got := fmt.Sprint(bookmarkKeys(r2.Bookmarks())); got != "[express-entry#crs-points]" {
		t.Errorf("bookmarks after removals = %s", got)
	}
}

func TestStoreRecentDedupedAndCapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := newStepClock("2026-01-01T00:00:00Z")
	s := openTestStore(t, path, Options{Now: clock.now})
	if _, ok := s.LastRead(); ok {
		t.Fatal("LastRead on an empty store")
	}
	for i := range 12 {
		s.MarkRead("g" + strconv.Itoa(i))
	}
	s.MarkRead("g3") // again: moves to the front, no duplicate
	want := "[g3 g11 g10 g9 g8 g7 g6 g5 g4 g2]"
	if got := fmt.Sprint(s.Recent(0)); got != want {
		t.Fatalf("Recent = %s, want %s", got, want)
	}
	if got := fmt.Sprint(s.Recent(2)); got != "[g3 g11]" {
		t.Fatalf("Recent(2) = %s", got)
	}
	mustSave(t, s)
	if got := fmt.Sprint(openTestStore(t, path, Options{}).Recent(0)); got != want {
		t.Fatalf("Recent after reopen = %s, want %s", got, want)
	}
}

func TestStorePositionFraction(t *testing.T) {
	for _, tc := range []struct {
		p    Position
		want float64
	}{
		{Position{}, 0},
		{Position{Line: 10}, 0},
		{Position{Line: 42, Lines: 100}, 0.42},
		{Position{Line: 150, Lines: 100}, 1},
	} {
		if got := tc.p.Fraction(); got != tc.want {
			t.Errorf("%+v.Fraction() = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// A crash between writing the temporary file and renaming it leaves the old
// file whole; the next writer cleans up the leftover.
func TestStoreAtomicWriteSurvivesCrashBeforeRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := openTestStore(t, path, Options{})
	s.ToggleBookmark(Bookmark{Slug: "old", Heading: "Old"})
	mustSave(t, s)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	crash := errors.New("simulated crash")
	var tmpSeen string
	s.beforeRename = func(tmp string) error {
		tmpSeen = tmp
		data, err := os.ReadFile(tmp)
		if err != nil || !bytes.Contains(data, []byte(`"new"`)) {
			t.Errorf("temporary file not written before the rename point: %v", err)
		}
		return crash
	}
	s.ToggleBookmark(Bookmark{Slug: "new"})
	if err := s.Save(); !errors.Is(err, crash) {
		t.Fatalf("Save = %v, want the crash", err)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("state file changed by a crashed write (err %v):\n%s", err, after)
	}
	if filepath.Dir(tmpSeen) != dir {
		t.Errorf("temporary file %s is not in the state folder", tmpSeen)
	}
	if _, err := os.Stat(tmpSeen); err != nil {
		t.Fatalf("the crash should leave the temporary file behind: %v", err)
	}

	// A new process reads the old state.
	r := openTestStore(t, path, Options{})
	if got := fmt.Sprint(bookmarkKeys(r.Bookmarks())); got != "[old#]" {
		t.Fatalf("bookmarks after crash = %s, want the old state", got)
	}
	// The crashed store kept its change and writes it next time; the
	// leftover temporary file goes.
	s.beforeRename = nil
	if !s.Dirty() {
		t.Fatal("change lost from memory after a failed save")
	}
	mustSave(t, s)
	if left := matches(t, dir, "state.json.tmp-"); len(left) > 0 {
		t.Errorf("temporary files left after the next save: %v", left)
	}
	r = openTestStore(t, path, Options{})
	if got := fmt.Sprint(bookmarkKeys(r.Bookmarks())); !strings.Contains(got, "new#") || !strings.Contains(got, "old#") {
		t.Fatalf("bookmarks after retry = %s", got)
	}
}

// Two stores on one file, as two pathways running at once: each save keeps
// the other's changes.
func TestStoreMergeOnWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := newStepClock("2026-05-01T00:00:00Z")
	seed := openTestStore(t, path, Options{Now: clock.now})
	seed.ToggleBookmark(Bookmark{Slug: "shared", Heading: "Shared"})
	mustSave(t, seed)

	a := openTestStore(t, path, Options{Now: clock.now})
	b := openTestStore(t, path, Options{Now: clock.now})

	b.SetPosition("g", Position{Line: 1})      // older
	a.SetPosition("g", Position{Line: 2})      // newer, saved first
	a.ToggleBookmark(Bookmark{Slug: "from-a"}) // added in a
	a.RemoveBookmark("shared", "")             // removed in a
	a.MarkRead("ga")
	b.ToggleBookmark(Bookmark{Slug: "from-b"})
	b.MarkRead("gb")
	mustSave(t, a)
	mustSave(t, b) // b still has "shared" in memory but never touched it

	for name, s := range map[string]*Store{"b after its save": b, "reopened": openTestStore(t, path, Options{})} {
		if got := fmt.Sprint(bookmarkKeys(s.Bookmarks())); got != "[from-b# from-a#]" {
			t.Errorf("%s: bookmarks = %s, want [from-b# from-a#]", name, got)
		}
		if p, _ := s.Position("g"); p.Line != 2 {
			t.Errorf("%s: position = %+v, want the newer one (line 2)", name, p)
		}
		if got := fmt.Sprint(s.Recent(0)); got != "[gb ga]" {
			t.Errorf("%s: recent = %s", name, got)
		}
	}

	// A removal does not delete a bookmark made again elsewhere after it.
	a.ToggleBookmark(Bookmark{Slug: "again"})
	mustSave(t, a)
	b2 := openTestStore(t, path, Options{Now: clock.now})
	b2.RemoveBookmark("again", "") // removal made before the re-add below
	a.RemoveBookmark("again", "")
	mustSave(t, a)
	a.ToggleBookmark(Bookmark{Slug: "again"}) // made again, later
	mustSave(t, a)
	mustSave(t, b2) // the older removal arrives last
	if !openTestStore(t, path, Options{}).HasBookmark("again", "") {
		t.Error("an older removal deleted a bookmark made after it")
	}
}

// Changes made while a Save is writing are neither lost nor written twice;
// many goroutines may change and save at once.
func TestStoreConcurrentGoroutines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path, Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 8*10)
	for g := range 8 {
		wg.Go(func() {
			for i := range 10 {
				s.ToggleBookmark(Bookmark{Slug: fmt.Sprintf("g%d-%d", g, i)})
				s.SetPosition(fmt.Sprintf("g%d", g), Position{Line: i})
				s.Bookmarks()
				if err := s.Save(); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	mustSave(t, s)
	r := openTestStore(t, path, Options{})
	if n := len(r.Bookmarks()); n != 80 {
		t.Fatalf("%d bookmarks saved, want 80", n)
	}
	for g := range 8 {
		if p, _ := r.Position(fmt.Sprintf("g%d", g)); p.Line != 9 {
			t.Errorf("g%d position %+v, want line 9", g, p)
		}
	}
}

func TestStoreLockTimeout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := openTestStore(t, path, Options{LockTimeout: 20 * time.Millisecond})
	unlock, err := lockFile(path+".lock", time.Second) // another process, in effect
	if err != nil {
		t.Fatal(err)
	}
	s.ToggleBookmark(Bookmark{Slug: "waiting"})
	if err := s.Save(); !errors.Is(err, ErrLocked) {
		t.Fatalf("Save under another's lock = %v, want ErrLocked", err)
	}
	if !s.Dirty() || s.ReadOnly() != nil {
		t.Fatal("a lock timeout dropped the change or made the store read-only")
	}
	unlock()
	mustSave(t, s)
	if !openTestStore(t, path, Options{}).HasBookmark("waiting", "") {
		t.Fatal("bookmark not saved once the lock was free")
	}
}

func TestStoreCorruptFileMovedAside(t *testing.T) {
	valid := func() []byte {
		st := newStoreState()
		st.bookmarks[bmKey{"a", "h"}] = bmEntry{Bookmark: Bookmark{Slug: "a", Anchor: "h", Heading: "Heading"}}
		st.positions["a"] = posEntry{Position: Position{Line: 3, Lines: 30}}
		data, err := st.encode()
		if err != nil {
			t.Fatal(err)
		}
		return data
	}()
	for _, tc := range []struct {
		name string
		data []byte // nil: a folder where the file should be
	}{
		{"garbage", []byte("{not json at all")},
		{"truncated", valid[:len(valid)/2]},
		{"empty", []byte{}},
		{"spaces", []byte(" \n")},
		{"null", []byte("null")},
		{"array", []byte("[1, 2]")},
		{"trailing garbage", append(bytes.Clone(valid), "}}"...)},
		{"wrong type", []byte(`{"bookmarks": {"a": 1}}`)},
		{"binary", []byte{0xff, 0xfe, 0, 1, 2}},
		{"over the size limit", []byte(`{"extra": "` + strings.Repeat("x", maxStateBytes) + `"}`)},
		{"unreadable (a folder)", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			if tc.data == nil {
				if err := os.Mkdir(path, 0o700); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, warning, err := Open(path, Options{Now: newStepClock("2026-02-03T04:05:06Z").now})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if !strings.Contains(warning, "state.json.corrupt-20260203-040507") || !strings.Contains(warning, "started fresh") {
				t.Errorf("warning = %q, want it to name the moved file", warning)
			}
			aside := matches(t, dir, "state.json.corrupt-")
			if len(aside) != 1 {
				t.Fatalf("files moved aside: %v, want one", aside)
			}
			if tc.data != nil {
				got, err := os.ReadFile(filepath.Join(dir, aside[0]))
				if err != nil || !bytes.Equal(got, tc.data) {
					t.Errorf("moved file holds %q (err %v), want the original bytes", got, err)
				}
			}
			if len(s.Bookmarks()) != 0 || len(s.Recent(0)) != 0 {
				t.Error("state not fresh after a corrupt file")
			}
			// Reading carries on, and saving works.
			s.ToggleBookmark(Bookmark{Slug: "after"})
			mustSave(t, s)
			r := openTestStore(t, path, Options{})
			if got := fmt.Sprint(bookmarkKeys(r.Bookmarks())); got != "[after#]" {
				t.Errorf("bookmarks after recovery = %s", got)
			}
		})
	}
}

// A file that goes bad while pathways runs is moved aside at the next save,
// and what this store knew is written in its place.
func TestStoreCorruptFileFoundBySave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := openTestStore(t, path, Options{})
	s.ToggleBookmark(Bookmark{Slug: "known"})
	mustSave(t, s)
	if err := os.WriteFile(path, []byte(`{"bookm`), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ToggleBookmark(Bookmark{Slug: "new"})
	err := s.Save()
	var cerr *CorruptError
	if !errors.As(err, &cerr) || cerr.MovedTo == "" || !strings.Contains(err.Error(), "saved what this pathways knew") {
		t.Fatalf("Save over a corrupt file = %v, want a *CorruptError", err)
	}
	if s.Dirty() {
		t.Error("changes still pending after a save that wrote")
	}
	if _, err := os.Stat(cerr.MovedTo); err != nil {
		t.Errorf("moved file: %v", err)
	}
	r := openTestStore(t, path, Options{})
	if got := fmt.Sprint(bookmarkKeys(r.Bookmarks())); !strings.Contains(got, "known#") || !strings.Contains(got, "new#") {
		t.Errorf("bookmarks = %s, want both the known and the new one", got)
	}
}

func TestStoreKeepsUnknownFields(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	in := `{
  "version": 3,
  "theme": {"accent": "teal"},
  "positions": {
    "g": {"line": 5, "lines": 50, "time": "2026-01-01T00:00:00Z", "zoom": 2},
    "gone": {"line": 1, "time": "2026-01-01T00:00:00Z"}
  },
  "bookmarks": [{"slug": "g", "anchor": "a", "heading": "A", "created": "2026-01-01T00:00:00Z", "color": "red"}],
  "recent": [{"slug": "g", "time": "2026-01-01T00:00:00Z", "pinned": true}]
}`
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path, Options{})
	s.SetPosition("g", Position{Line: 7, Lines: 50})
	s.ToggleBookmark(Bookmark{Slug: "g", Anchor: "b"})
	s.MarkRead("g")
	mustSave(t, s)

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Version   int                       `json:"version"`
		Theme     map[string]string         `json:"theme"`
		Positions map[string]map[string]any `json:"positions"`
		Bookmarks []map[string]any          `json:"bookmarks"`
		Recent    []map[string]any          `json:"recent"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v\nfile:\n%s", what, got, want, data)
		}
	}
	check("version", out.Version, 3)
	check("top-level unknown key", out.Theme["accent"], "teal")
	check("updated position", out.Positions["g"]["line"], 7)
	check("position's unknown key", out.Positions["g"]["zoom"], 2)
	check("position of a guide that is gone", out.Positions["gone"]["line"], 1)
	check("bookmarks", len(out.Bookmarks), 2)
	check("bookmark's unknown key", out.Bookmarks[0]["color"], "red")
	check("recent", len(out.Recent), 1)
	check("recent entry's unknown key", out.Recent[0]["pinned"], true)
	if out.Recent[0]["time"] == "2026-01-01T00:00:00Z" {
		t.Error("recent entry's time not updated by the visit")
	}
}

func TestStoreOffNeverTouchesDisk(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "pathways", "state.json")
	s := openTestStore(t, missing, Options{Off: true})
	s.ToggleBookmark(Bookmark{Slug: "x"})
	s.SetPosition("x", Position{Line: 3})
	s.MarkRead("x")
	if !s.HasBookmark("x", "") || len(s.Recent(0)) != 1 {
		t.Fatal("an off store does not keep changes in memory for the run")
	}
	mustSave(t, s)
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("off store created its folder (stat: %v)", err)
	}
	if !errors.Is(s.ReadOnly(), ErrStateOff) || s.Dirty() {
		t.Errorf("ReadOnly = %v, Dirty = %v", s.ReadOnly(), s.Dirty())
	}

	// An existing file is neither read nor written.
	path := filepath.Join(dir, "state.json")
	orig := []byte(`{"bookmarks": [{"slug": "saved"}]}`)
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	s = openTestStore(t, path, Options{Off: true})
	if len(s.Bookmarks()) != 0 {
		t.Fatal("off store read the file")
	}
	s.ToggleBookmark(Bookmark{Slug: "y"})
	mustSave(t, s)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
		t.Fatalf("off store changed the file: %s", got)
	}
	if left := matches(t, dir, ""); fmt.Sprint(left) != "[state.json]" {
		t.Fatalf("off store left files: %v", left)
	}
}

// Permission problems run in a helper process; as root, which ignores file
// modes, the helper drops to the nobody user so the modes bite.
func TestStorePermissionDenied(t *testing.T) {
	base, err := os.MkdirTemp("", "pathways-state-perm")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			os.Chmod(p, 0o700)
			return nil
		})
		os.RemoveAll(base)
	})
	root := os.Geteuid() == 0
	dirMode := fs.FileMode(0o500) // not writable by the owner
	if root {
		dirMode = 0o755 // owned by root: not writable by nobody
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Chmod(base, 0o755))

	// A read-only folder holding a readable state file.
	ro := filepath.Join(base, "ro")
	must(os.Mkdir(ro, 0o700))
	seed := openTestStore(t, filepath.Join(ro, "state.json"), Options{})
	seed.ToggleBookmark(Bookmark{Slug: "saved"})
	mustSave(t, seed)
	must(os.Chmod(filepath.Join(ro, "state.json"), 0o644))
	must(os.Chmod(filepath.Join(ro, "state.json.lock"), 0o600))
	must(os.Chmod(ro, dirMode))

	// A state file that cannot be read, in a writable folder.
	unreadable := filepath.Join(base, "unreadable")
	must(os.Mkdir(unreadable, 0o777))
	must(os.Chmod(unreadable, 0o777)) // past the umask, so nobody can write
	must(os.WriteFile(filepath.Join(unreadable, "state.json"), []byte(`{"bookmarks": [{"slug": "secret"}]}`), 0o600))
	must(os.Chmod(filepath.Join(unreadable, "state.json"), 0o000))

	bin := os.Args[0]
	if root {
		// The test binary sits in a private build folder: copy it where
		// nobody can run it.
		data, err := os.ReadFile(bin)
		must(err)
		bin = filepath.Join(base, "tui.test")
		must(os.WriteFile(bin, data, 0o755))
	}
	cmd := helperCommand(bin, "permission", "STATE_RO="+ro, "STATE_UNREADABLE="+unreadable)
	cmd.Dir = base
	if root {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("permission helper done")) {
		t.Fatalf("helper did not run its checks:\n%s", out)
	}
}

// TestStoreConcurrentProcesses runs two helper processes that open the same
// file before either writes, then each add bookmarks and save many times;
// one also removes a bookmark. Nothing either saved may be lost.
func TestStoreConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	seed := openTestStore(t, path, Options{})
	seed.ToggleBookmark(Bookmark{Slug: "shared"})
	mustSave(t, seed)

	const n = 50
	type proc struct {
		cmd   *exec.Cmd
		in    io.WriteCloser
		lines *bufio.Scanner
		out   bytes.Buffer // stdout lines, read here
		errs  bytes.Buffer // stderr, written by exec until Wait returns
	}
	var procs []*proc
	for _, who := range []string{"a", "b"} {
		env := []string{"STATE_PATH=" + path, "STATE_WHO=" + who, "STATE_COUNT=" + strconv.Itoa(n)}
		if who == "a" {
			env = append(env, "STATE_REMOVE=shared")
		}
		p := &proc{cmd: helperCommand(os.Args[0], "writer", env...)}
		var err error
		if p.in, err = p.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		stdout, err := p.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		p.cmd.Stderr = &p.errs
		p.lines = bufio.NewScanner(stdout)
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	// Both have read the file before either writes.
	for _, p := range procs {
		ready := false
		for p.lines.Scan() {
			if p.lines.Text() == "ready" {
				ready = true
				break
			}
			p.out.WriteString(p.lines.Text() + "\n")
		}
		if !ready {
			p.cmd.Process.Kill()
			p.cmd.Wait()
			t.Fatalf("helper never got ready:\n%s%s", p.out.String(), p.errs.String())
		}
	}
	for _, p := range procs {
		io.WriteString(p.in, "go\n")
		p.in.Close()
	}
	for _, p := range procs {
		for p.lines.Scan() {
			p.out.WriteString(p.lines.Text() + "\n")
		}
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("helper: %v\n%s%s", err, p.out.String(), p.errs.String())
		}
	}

	r := openTestStore(t, path, Options{})
	have := map[string]bool{}
	for _, k := range bookmarkKeys(r.Bookmarks()) {
		have[k] = true
	}
	for _, who := range []string{"a", "b"} {
		for i := range n {
			if k := fmt.Sprintf("%s-%d#", who, i); !have[k] {
				t.Errorf("bookmark %s lost", k)
			}
		}
	}
	if have["shared#"] {
		t.Error("bookmark removed by a came back")
	}
	if len(have) != 2*n {
		t.Errorf("%d bookmarks, want %d", len(have), 2*n)
	}
	if got := fmt.Sprint(r.Recent(0)); !strings.Contains(got, "from-a") || !strings.Contains(got, "from-b") {
		t.Errorf("recent = %s, want both processes' guides", got)
	}
}

const stateHelperEnv = "PATHWAYS_STATE_TEST_HELPER"

// helperCommand runs the test binary bin as TestStoreHelperProcess in mode.
func helperCommand(bin, mode string, env ...string) *exec.Cmd {
	cmd := exec.Command(bin, "-test.run=^TestStoreHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), stateHelperEnv+"="+mode)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// TestStoreHelperProcess is not a test on its own: the tests above run the
// test binary again with PATHWAYS_STATE_TEST_HELPER set to act as another
// pathways process.
func TestStoreHelperProcess(t *testing.T) {
	switch os.Getenv(stateHelperEnv) {
	case "writer":
		helperWriter(t)
	case "permission":
		helperPermission(t)
	}
}

func helperWriter(t *testing.T) {
	path, who := os.Getenv("STATE_PATH"), os.Getenv("STATE_WHO")
	n, _ := strconv.Atoi(os.Getenv("STATE_COUNT"))
	s := openTestStore(t, path, Options{})
	if !s.HasBookmark("shared", "") {
		t.Fatal("seeded bookmark missing")
	}
	fmt.Println("ready")
	if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil || line != "go\n" {
		t.Fatalf("waiting for go: %q, %v", line, err)
	}
	if rm := os.Getenv("STATE_REMOVE"); rm != "" && !s.RemoveBookmark(rm, "") {
		t.Fatalf("nothing to remove at %s", rm)
	}
	s.MarkRead("from-" + who)
	for i := range n {
		s.ToggleBookmark(Bookmark{Slug: fmt.Sprintf("%s-%d", who, i)})
		s.SetPosition("common", Position{Line: i})
		mustSave(t, s)
	}
}

func helperPermission(t *testing.T) {
	// A readable file in a folder that cannot be written: it reads, the
	// first save reports permission denied, later saves do nothing.
	path := filepath.Join(os.Getenv("STATE_RO"), "state.json")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path, Options{})
	if !s.HasBookmark("saved", "") {
		t.Fatal("saved bookmark not read from a read-only folder")
	}
	s.ToggleBookmark(Bookmark{Slug: "unsaved"})
	err = s.Save()
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("Save in a read-only folder = %v, want a permission error", err)
	}
	if s.ReadOnly() == nil {
		t.Error("store not read-only after permission denied")
	}
	if !s.HasBookmark("unsaved", "") {
		t.Error("the app lost its in-memory bookmark")
	}
	if err := s.Save(); err != nil {
		t.Errorf("second Save = %v, want nil (already reported)", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("state file changed")
	}

	// A folder that cannot be created.
	s = openTestStore(t, filepath.Join(os.Getenv("STATE_RO"), "sub", "state.json"), Options{})
	s.MarkRead("x")
	if err := s.Save(); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Save where the folder cannot be made = %v, want a permission error", err)
	}

	// An unreadable file: a clear error, a working in-memory store, and the
	// file left alone (it is not corrupt, only not ours to read).
	dir := os.Getenv("STATE_UNREADABLE")
	path = filepath.Join(dir, "state.json")
	s, warning, err := Open(path, Options{})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "cannot read state file") || warning != "" {
		t.Fatalf("Open of an unreadable file: warning %q, err %v", warning, err)
	}
	if s == nil || !errors.Is(s.ReadOnly(), fs.ErrPermission) {
		t.Fatal("no read-only store for an unreadable file")
	}
	if !s.ToggleBookmark(Bookmark{Slug: "in-memory"}) || !s.HasBookmark("in-memory", "") {
		t.Error("read-only store does not work in memory")
	}
	if err := s.Save(); err != nil {
		t.Errorf("Save on a read-only store = %v, want nil", err)
	}
	if aside := matches(t, dir, "state.json.corrupt-"); len(aside) > 0 {
		t.Errorf("unreadable file moved aside: %v", aside)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0 {
		t.Errorf("unreadable file changed: %v %v", info, err)
	}
	fmt.Println("permission helper done")
}

// TestStoreKeepsTheNewestEntries: a write keeps the newest positions and
// bookmarks past the limits, so the file cannot grow without end.
func TestStoreKeepsTheNewestEntries(t *testing.T) {
	st := newStoreState()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range maxPositions + 100 {
		slug := fmt.Sprintf("g%05d", i)
		st.positions[slug] = posEntry{Position: Position{Line: i, Time: base.Add(time.Duration(i) * time.Minute)}}
	}
	for i := range maxBookmarks + 100 {
		b := Bookmark{Slug: fmt.Sprintf("g%05d", i), Anchor: "h", Created: base.Add(time.Duration(i) * time.Minute)}
		st.bookmarks[bmKey{b.Slug, b.Anchor}] = bmEntry{Bookmark: b}
	}
	data, err := st.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := parseState(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.positions) != maxPositions || len(back.bookmarks) != maxBookmarks {
		t.Fatalf("kept %d positions and %d bookmarks, want %d and %d", len(back.positions), len(back.bookmarks), maxPositions, maxBookmarks)
	}
	if _, ok := back.positions["g00099"]; ok {
		t.Error("an old position was kept over a newer one")
	}
	if _, ok := back.positions[fmt.Sprintf("g%05d", maxPositions+99)]; !ok {
		t.Error("the newest position was dropped")
	}
	if _, ok := back.bookmarks[bmKey{"g00099", "h"}]; ok {
		t.Error("an old bookmark was kept over a newer one")
	}
	if len(data) > maxStateBytes {
		t.Errorf("a full file is %d bytes, over the %d-byte read limit", len(data), maxStateBytes)
	}
}

// TestStoreLockSymlinkNotFollowed: a symlink planted where the lock file
// goes is not followed, so nothing is created at its target.
func TestStoreLockSymlinkNotFollowed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	target := filepath.Join(dir, "elsewhere", "planted")
	if err := os.Mkdir(filepath.Dir(target), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path+".lock"); err != nil {
		t.Fatal(err)
	}
	s := openTestStore(t, path, Options{})
	s.ToggleBookmark(Bookmark{Slug: "a"})
	if err := s.Save(); err == nil {
		t.Error("saving through a planted lock symlink succeeded")
	}
	if _, err := os.Lstat(target); !os.IsNotExist(err) {
		t.Errorf("a file was created at the symlink's target (%v)", err)
	}
}
