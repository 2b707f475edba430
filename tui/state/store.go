// Package state is the reading state pathways keeps between runs: where
// each guide was left, bookmarks and the recently read guides, in one
// crash-safe JSON file shared by every pathways running at once. It knows
// nothing of screens or guides' text, and must not import package tui.
package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
)

// The state file remembers reading across runs: where each guide was left,
// bookmarks, and the recently read guides. It is one JSON file written
// atomically (temporary file, fsync, rename, fsync of the folder) under an
// advisory lock. Each Save re-reads the file and replays this process's
// changes onto it, so two pathways running at once keep each other's
// bookmarks. Keys this version does not know, at the top level or inside an
// entry, are kept on rewrite so a newer pathways loses nothing to an older one.
//
// Example:
//
//	{
//	  "bookmarks": [{"slug": "express-entry", "anchor": "crs-points",
//	                 "heading": "CRS points", "created": "2026-03-01T10:00:00Z"}],
//	  "positions": {"express-entry": {"line": 120, "lines": 400,
//	                 "anchor": "crs-points", "time": "2026-03-01T10:05:00Z"}},
//	  "recent": [{"slug": "express-entry", "time": "2026-03-01T10:05:00Z"}],
//	  "version": 1
//	}

const (
	stateVersion       = 1
	maxRecent          = 10
	defaultLockTimeout = 2 * time.Second
	lockPoll           = 5 * time.Millisecond
)

// ErrLocked is returned by Save when another pathways held the state file's
// lock for longer than the lock timeout. The changes stay in memory and the
// next Save tries again.
var ErrLocked = errors.New("the state file is locked by another pathways")

// ErrStateOff is what ReadOnly reports for a store opened with Off.
var ErrStateOff = errors.New("saved state is off (--no-state or PATHWAYS_STATE=off)")

// DefaultPath is $XDG_STATE_HOME/pathways/state.json.
func DefaultPath() string {
	return filepath.Join(xdg.StateHome, "pathways", "state.json")
}

// Position is where a guide was left.
type Position struct {
	// Line is the first visible line of the rendered guide.
	Line int `json:"line"`
	// Lines is the rendered guide's length when saved, so the position can
	// be rescaled when the guide is rendered at another width.
	Lines int `json:"lines,omitempty"`
	// Anchor is the heading the position falls under ("" before the first).
	Anchor string `json:"anchor,omitempty"`
	// Time is when the position was recorded; the newest wins on merge.
	Time time.Time `json:"time,omitzero"`
}

// Fraction is how far through the guide the position is, from 0 to 1.
func (p Position) Fraction() float64 {
	if p.Lines <= 0 || p.Line <= 0 {
		return 0
	}
	return min(1, float64(p.Line)/float64(p.Lines))
}

// Bookmark marks a heading in a guide. A guide has at most one bookmark per
// anchor; the anchor "" marks the top of the guide.
type Bookmark struct {
	Slug    string    `json:"slug"`
	Anchor  string    `json:"anchor,omitempty"`
	Heading string    `json:"heading,omitempty"`
	Created time.Time `json:"created,omitzero"`
}

// Options configures Open. The zero value reads and writes the file.
type Options struct {
	// Off gives a store that never touches the disk: it starts empty, keeps
	// changes in memory for this run, and Save does nothing.
	Off bool
	// LockTimeout bounds the wait for another process's lock (default 2s).
	LockTimeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// CorruptError reports a state file that could not be read as state and was
// moved aside. Its message is meant for the status line.
type CorruptError struct {
	Path    string // the state file
	MovedTo string // where it went
	Err     error  // why it was unreadable
	// Rewritten is set when Save found it: the state this process knew was
	// written in its place. Otherwise reading started fresh.
	Rewritten bool
}

func (e *CorruptError) Error() string {
	then := "started fresh"
	if e.Rewritten {
		then = "saved what this pathways knew"
	}
	return fmt.Sprintf("state file %s was unreadable (%v); moved it aside as %s and %s",
		e.Path, e.Err, filepath.Base(e.MovedTo), then)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// Store is the reading state of one state file. All methods are safe to call
// from several goroutines: the reader and writers of the UI may run on the
// UI goroutine, and Save (which does file IO) belongs in a tea.Cmd or another
// goroutine, never on the UI goroutine. Changes are kept in memory until Save.
type Store struct {
	path        string
	off         bool
	lockTimeout time.Duration
	now         func() time.Time

	// beforeRename, when set, runs after the temporary file is written and
	// synced and before it is renamed over the state file; an error stops
	// the save there, as a crash would (tests).
	beforeRename func(tmp string) error

	saveMu sync.Mutex // one Save at a time

	mu       sync.Mutex // guards the fields below
	st       *storeState
	ops      *storeOps // changes since the last successful Save
	readOnly error     // why Save does not write, nil while it does
}

// Open reads the state file at path (usually DefaultPath). A
// missing file is an empty state; nothing is created until Save.
//
// The returned Store is never nil and always usable. warning is set when the
// file was unreadable and has been moved aside (say so on the status line);
// err is set when the store cannot persist, such as permission denied: the
// store then works in memory only (read-only on disk), ReadOnly reports why
// and Save does nothing. Both may be set.
func Open(path string, opts Options) (s *Store, warning string, err error) {
	s = &Store{path: path, off: opts.Off, lockTimeout: opts.LockTimeout, now: opts.Now,
		st: newStoreState(), ops: newStoreOps()}
	if s.lockTimeout <= 0 {
		s.lockTimeout = defaultLockTimeout
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.off {
		s.readOnly = ErrStateOff
		return s, "", nil
	}
	st, rerr := readState(path)
	switch {
	case rerr == nil:
		s.st = st
		return s, "", nil
	case errors.Is(rerr, fs.ErrNotExist):
		return s, "", nil
	case errors.Is(rerr, fs.ErrPermission):
		s.readOnly = fmt.Errorf("cannot read state file: %w; reading positions and bookmarks will not be saved", rerr)
		return s, "", s.readOnly
	}
	// Unreadable or corrupt: recheck under the lock (another process may
	// have just replaced it) and move it aside.
	st, cerr, err := s.recoverCorrupt(s.st)
	if err != nil {
		s.readOnly = fmt.Errorf("state file %s is unreadable (%v); starting fresh without saving: %w", path, rerr, err)
		return s, "", s.readOnly
	}
	s.st = st
	if cerr != nil {
		return s, cerr.Error(), nil
	}
	return s, "", nil
}

// recoverCorrupt reads the state file under the lock; if it is still
// unreadable it is moved aside and fallback is returned as the state.
func (s *Store) recoverCorrupt(fallback *storeState) (*storeState, *CorruptError, error) {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return nil, nil, saveErr(err)
	}
	unlock, err := lockFile(s.path+".lock", s.lockTimeout)
	if err != nil {
		return nil, nil, saveErr(err)
	}
	defer unlock()
	return s.readLocked(fallback)
}

// readLocked reads the state file while holding the lock. A missing file is
// an empty state; a corrupt or unreadable one is moved aside and replaced by
// fallback, with a CorruptError to report.
func (s *Store) readLocked(fallback *storeState) (*storeState, *CorruptError, error) {
	st, err := readState(s.path)
	switch {
	case err == nil:
		return st, nil, nil
	case errors.Is(err, fs.ErrNotExist):
		return newStoreState(), nil, nil
	case errors.Is(err, fs.ErrPermission):
		return nil, nil, saveErr(err)
	}
	moved, merr := moveAside(s.path, s.now())
	if merr != nil {
		return nil, nil, fmt.Errorf("state file %s is unreadable (%v) and could not be moved aside: %w", s.path, err, merr)
	}
	return fallback.clone(), &CorruptError{Path: s.path, MovedTo: moved, Err: err}, nil
}

// saveErr words an IO failure while saving; permission problems keep
// fs.ErrPermission in the chain.
func saveErr(err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot save reading state: %w; continuing without saving", err)
	}
	if errors.Is(err, ErrLocked) {
		return err
	}
	return fmt.Errorf("cannot save reading state: %w", err)
}

// moveAside renames path to path.corrupt-<timestamp>, never over another file.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.UTC().Format("20060102-150405")
	dest := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dest = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, dest); err != nil {
		return "", err
	}
	_ = syncDir(filepath.Dir(path)) // the move is done; durability is a bonus here
	return dest, nil
}

// Path is the state file the store reads and writes.
func (s *Store) Path() string { return s.path }

// ReadOnly reports why Save does not write (ErrStateOff, or the permission
// problem met while reading or saving); nil while saving works.
func (s *Store) ReadOnly() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly
}

// Position returns where slug was left.
func (s *Store) Position(slug string) (Position, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.st.positions[slug]
	return p.Position, ok
}

// SetPosition records where slug was left; a zero p.Time means now.
func (s *Store) SetPosition(slug string, p Position) {
	if slug == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.Time.IsZero() {
		p.Time = s.stamp()
	}
	e := posEntry{Position: p, extra: s.st.positions[slug].extra}
	s.st.positions[slug] = e
	s.ops.positions[slug] = e
}

// Bookmarks returns every bookmark, newest first, including those for guides
// not loaded now (the caller hides those).
func (s *Store) Bookmarks() []Bookmark {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.bookmarkList()
}

// HasBookmark reports whether slug has a bookmark at anchor.
func (s *Store) HasBookmark(slug, anchor string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.st.bookmarks[bmKey{slug, anchor}]
	return ok
}

// ToggleBookmark adds b, or removes the bookmark at b's slug and anchor if
// there is one, and reports whether it added. A zero b.Created means now.
func (s *Store) ToggleBookmark(b Bookmark) (added bool) {
	if b.Slug == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := bmKey{b.Slug, b.Anchor}
	if _, ok := s.st.bookmarks[k]; ok {
		s.removeLocked(k)
		return false
	}
	if b.Created.IsZero() {
		b.Created = s.stamp()
	}
	e := bmEntry{Bookmark: b}
	s.st.bookmarks[k] = e
	s.ops.bookmarks[k] = bmOp{add: &e}
	return true
}

// RemoveBookmark removes the bookmark at slug and anchor and reports whether
// there was one.
func (s *Store) RemoveBookmark(slug, anchor string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := bmKey{slug, anchor}
	if _, ok := s.st.bookmarks[k]; !ok {
		return false
	}
	s.removeLocked(k)
	return true
}

func (s *Store) removeLocked(k bmKey) {
	delete(s.st.bookmarks, k)
	// The removal applies on merge to a bookmark made no later than now, so
	// one added again elsewhere afterwards survives.
	s.ops.bookmarks[k] = bmOp{removed: s.stamp()}
}

// MarkRead records that slug was opened, for Recent and LastRead.
func (s *Store) MarkRead(slug string) {
	if slug == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.stamp()
	s.st.markRead(slug, t, nil)
	s.st.trimRecent()
	s.ops.visits[slug] = t
}

// Recent returns up to n recently opened guides, newest first (n <= 0: all
// that are kept, at most 10).
func (s *Store) Recent(n int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.st.recentList()
	if n > 0 && len(list) > n {
		list = list[:n]
	}
	out := make([]string, len(list))
	for i, r := range list {
		out[i] = r.slug
	}
	return out
}

// LastRead returns the guide opened most recently.
func (s *Store) LastRead() (string, bool) {
	if r := s.Recent(1); len(r) == 1 {
		return r[0], true
	}
	return "", false
}

// Dirty reports whether there are changes Save has not written yet.
func (s *Store) Dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.ops.empty() && s.readOnly == nil
}

// stamp is the clock reading without its monotonic part, so times compare
// the same before and after a round trip through the file.
func (s *Store) stamp() time.Time { return s.now().Round(0) }

// Save writes the changes made since the last Save. It locks the file,
// re-reads it, replays this store's changes onto what it finds (newest
// position per guide, bookmarks added and removed here, recent guides by
// time) and replaces it atomically; the store then also holds what other
// processes saved. Save with nothing to write returns at once without IO, so
// it is cheap to call on every guide close or from a debounce timer.
//
// Save does file IO and may wait up to the lock timeout: call it from a
// tea.Cmd, not the UI goroutine. On failure the changes stay pending for the
// next Save; a permission problem makes the store read-only for the rest of
// the run. A *CorruptError means the file on disk was unreadable and was
// moved aside, and the state was written afresh: show it, nothing is pending.
func (s *Store) Save() error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()

	s.mu.Lock()
	if s.readOnly != nil || s.ops.empty() {
		s.mu.Unlock()
		return nil
	}
	ops := s.ops
	s.ops = newStoreOps()
	known := s.st.clone()
	s.mu.Unlock()

	merged, cerr, err := s.write(ops, known)

	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		ops.absorb(s.ops)
		s.ops = ops
		if errors.Is(err, fs.ErrPermission) {
			s.readOnly = err
		}
		return err
	}
	merged.apply(s.ops) // changes made while writing
	s.st = merged
	if cerr != nil {
		return cerr
	}
	return nil
}

// write merges ops into the file on disk and replaces it atomically. known
// stands in for the file if that turns out to be corrupt.
func (s *Store) write(ops *storeOps, known *storeState) (*storeState, *CorruptError, error) {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, saveErr(err)
	}
	unlock, err := lockFile(s.path+".lock", s.lockTimeout)
	if err != nil {
		return nil, nil, saveErr(err)
	}
	defer unlock()
	removeStaleTemps(s.path)

	st, cerr, err := s.readLocked(known)
	if err != nil {
		return nil, nil, err
	}
	if cerr != nil {
		cerr.Rewritten = true
	}
	st.apply(ops)
	data, err := st.encode()
	if err != nil {
		return nil, nil, saveErr(err)
	}
	if err := s.writeAtomic(data); err != nil {
		return nil, nil, saveErr(err)
	}
	return st, cerr, nil
}

// writeAtomic replaces the state file with data: a temporary file in the
// same folder, synced, renamed over the old one, then the folder synced, so
// a crash leaves the old file or the new one. The caller holds the lock.
func (s *Store) writeAtomic(data []byte) (err error) {
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, filepath.Base(s.path)+".tmp-*") // mode 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && s.beforeRename != nil {
		if err = s.beforeRename(tmp); err != nil {
			return err // as a crash would: the temporary file stays behind
		}
	}
	if err == nil {
		err = os.Rename(tmp, s.path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// removeStaleTemps deletes temporary files left by a writer that died before
// its rename. Only a lock holder writes them, so under the lock any are stale.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+".tmp-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
