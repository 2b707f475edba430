package state

// The state file's content in memory: parsing and encoding with unknown
// keys kept, and the merge of one process's changes into what is on disk.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// Limits on the state file: a file past maxStateBytes is not read (it is
// treated as damaged and moved aside), and a write keeps the newest
// entries of each kind, so a damaged or hostile file cannot stall the
// first screen.
const (
	maxStateBytes = 1 << 20
	maxPositions  = 2000
	maxBookmarks  = 1000
)

// readState reads and parses the state file. A parse failure is returned
// as is; callers treat any error but not-exist and permission as corruption.
func readState(path string) (*storeState, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStateBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxStateBytes {
		return nil, fmt.Errorf("over the %d KiB limit", maxStateBytes>>10)
	}
	return parseState(data)
}

// trim drops the oldest entries past the limits (maxRecent for recent
// guides).
func (st *storeState) trim() {
	if len(st.positions) > maxPositions {
		slugs := make([]string, 0, len(st.positions))
		for slug := range st.positions {
			slugs = append(slugs, slug)
		}
		sort.Slice(slugs, func(i, j int) bool {
			return st.positions[slugs[i]].Time.After(st.positions[slugs[j]].Time)
		})
		for _, slug := range slugs[maxPositions:] {
			delete(st.positions, slug)
		}
	}
	if list := st.bookmarkList(); len(list) > maxBookmarks {
		for _, b := range list[maxBookmarks:] {
			delete(st.bookmarks, bmKey{b.Slug, b.Anchor})
		}
	}
	st.trimRecent()
}

// rawFields holds the JSON keys this version does not know, so a rewrite
// keeps them.
type rawFields map[string]json.RawMessage

// splitFields decodes data into v and returns the keys not in known.
func splitFields(data []byte, v any, known ...string) (rawFields, error) {
	if err := json.Unmarshal(data, v); err != nil {
		return nil, err
	}
	var all rawFields
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	for k := range all {
		for _, kk := range known {
			if strings.EqualFold(k, kk) { // encoding/json matches keys this way
				delete(all, k)
				break
			}
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	return all, nil
}

// joinFields encodes v with the extra keys added back.
func joinFields(v any, extra rawFields) (json.RawMessage, error) {
	data, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return data, err
	}
	var all rawFields
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	for k, raw := range extra {
		if _, ok := all[k]; !ok {
			all[k] = raw
		}
	}
	return json.Marshal(all)
}

// mergeFields is a's extra keys plus b's that a lacks.
func mergeFields(a, b rawFields) rawFields {
	if len(b) == 0 {
		return a
	}
	out := make(rawFields, len(a)+len(b))
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		out[k] = v
	}
	return out
}

type bmKey struct{ slug, anchor string }

type posEntry struct {
	Position
	extra rawFields
}

type bmEntry struct {
	Bookmark
	extra rawFields
}

type recentEntry struct {
	slug  string
	time  time.Time
	extra rawFields
}

// recentJSON is one entry of "recent" in the file.
type recentJSON struct {
	Slug string    `json:"slug"`
	Time time.Time `json:"time,omitzero"`
}

// storeState is the content of the state file.
type storeState struct {
	version   int
	positions map[string]posEntry
	bookmarks map[bmKey]bmEntry
	recent    map[string]recentEntry
	extra     rawFields // unknown top-level keys
}

func newStoreState() *storeState {
	return &storeState{
		version:   stateVersion,
		positions: map[string]posEntry{},
		bookmarks: map[bmKey]bmEntry{},
		recent:    map[string]recentEntry{},
	}
}

// clone copies the maps; raw values are never modified, so they are shared.
func (st *storeState) clone() *storeState {
	c := newStoreState()
	c.version, c.extra = st.version, st.extra
	for k, v := range st.positions {
		c.positions[k] = v
	}
	for k, v := range st.bookmarks {
		c.bookmarks[k] = v
	}
	for k, v := range st.recent {
		c.recent[k] = v
	}
	return c
}

func (st *storeState) markRead(slug string, t time.Time, extra rawFields) {
	if cur, ok := st.recent[slug]; ok {
		if !t.After(cur.time) {
			return
		}
		extra = mergeFields(cur.extra, extra)
	}
	st.recent[slug] = recentEntry{slug: slug, time: t, extra: extra}
}

func (st *storeState) recentList() []recentEntry {
	list := make([]recentEntry, 0, len(st.recent))
	for _, r := range st.recent {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].time.Equal(list[j].time) {
			return list[i].time.After(list[j].time)
		}
		return list[i].slug < list[j].slug
	})
	return list
}

// trimRecent keeps the newest maxRecent guides.
func (st *storeState) trimRecent() {
	if len(st.recent) <= maxRecent {
		return
	}
	for _, r := range st.recentList()[maxRecent:] {
		delete(st.recent, r.slug)
	}
}

func (st *storeState) bookmarkList() []Bookmark {
	out := make([]Bookmark, 0, len(st.bookmarks))
	for _, b := range st.bookmarks {
		out = append(out, b.Bookmark)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		if out[i].Slug != out[j].Slug {
			return out[i].Slug < out[j].Slug
		}
		return out[i].Anchor < out[j].Anchor
	})
	return out
}

// apply replays changes onto st: a position replaces an older one, an added
// bookmark joins (an existing one at the same place is kept), a removal
// deletes a bookmark made no later than the removal, visits keep the newest
// time per guide.
func (st *storeState) apply(ops *storeOps) {
	for slug, p := range ops.positions {
		cur, ok := st.positions[slug]
		if ok && p.Time.Before(cur.Time) {
			continue
		}
		p.extra = mergeFields(p.extra, cur.extra)
		st.positions[slug] = p
	}
	for k, op := range ops.bookmarks {
		cur, ok := st.bookmarks[k]
		switch {
		case op.add != nil && !ok:
			st.bookmarks[k] = *op.add
		case op.add == nil && ok && !cur.Created.After(op.removed):
			delete(st.bookmarks, k)
		}
	}
	for slug, t := range ops.visits {
		st.markRead(slug, t, nil)
	}
	st.trimRecent()
}

// stateJSON is the known part of the file.
type stateJSON struct {
	Version   int                        `json:"version"`
	Positions map[string]json.RawMessage `json:"positions"`
	Bookmarks []json.RawMessage          `json:"bookmarks"`
	Recent    []json.RawMessage          `json:"recent"`
}

func parseState(data []byte) (*storeState, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, errors.New("empty file")
	}
	if trimmed[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	var top stateJSON
	extra, err := splitFields(trimmed, &top, "version", "positions", "bookmarks", "recent")
	if err != nil {
		return nil, err
	}
	st := newStoreState()
	st.extra = extra
	st.version = max(top.Version, stateVersion)
	for slug, raw := range top.Positions {
		var p Position
		ex, err := splitFields(raw, &p, "line", "lines", "anchor", "time")
		if err != nil {
			return nil, fmt.Errorf("position for %q: %w", slug, err)
		}
		if slug != "" {
			st.positions[slug] = posEntry{Position: p, extra: ex}
		}
	}
	for _, raw := range top.Bookmarks {
		var b Bookmark
		ex, err := splitFields(raw, &b, "slug", "anchor", "heading", "created")
		if err != nil {
			return nil, fmt.Errorf("bookmark: %w", err)
		}
		k := bmKey{b.Slug, b.Anchor}
		if _, dup := st.bookmarks[k]; !dup && b.Slug != "" {
			st.bookmarks[k] = bmEntry{Bookmark: b, extra: ex}
		}
	}
	for _, raw := range top.Recent {
		var r recentJSON
		ex, err := splitFields(raw, &r, "slug", "time")
		if err != nil {
			return nil, fmt.Errorf("recent guide: %w", err)
		}
		if r.Slug != "" {
			st.markRead(r.Slug, r.Time, ex)
		}
	}
	st.trimRecent()
	return st, nil
}

func (st *storeState) encode() ([]byte, error) {
	st.trim()
	top := rawFields{}
	for k, v := range st.extra {
		top[k] = v
	}
	put := func(key string, v any) error {
		data, err := json.Marshal(v)
		top[key] = data
		return err
	}
	positions := make(map[string]json.RawMessage, len(st.positions))
	for slug, p := range st.positions {
		raw, err := joinFields(p.Position, p.extra)
		if err != nil {
			return nil, err
		}
		positions[slug] = raw
	}
	// Oldest bookmark first in the file, so additions append.
	list := st.bookmarkList()
	bookmarks := make([]json.RawMessage, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		b := st.bookmarks[bmKey{list[i].Slug, list[i].Anchor}]
		raw, err := joinFields(b.Bookmark, b.extra)
		if err != nil {
			return nil, err
		}
		bookmarks = append(bookmarks, raw)
	}
	recent := []json.RawMessage{}
	for _, r := range st.recentList() {
		raw, err := joinFields(recentJSON{Slug: r.slug, Time: r.time}, r.extra)
		if err != nil {
			return nil, err
		}
		recent = append(recent, raw)
	}
	for _, err := range []error{
		put("version", st.version), put("positions", positions),
		put("bookmarks", bookmarks), put("recent", recent),
	} {
		if err != nil {
			return nil, err
		}
	}
	data, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// bmOp is a bookmark change: added (add set) or removed at a time.
type bmOp struct {
	add     *bmEntry
	removed time.Time
}

// storeOps are the changes made since the last Save, replayed onto the file.
type storeOps struct {
	positions map[string]posEntry
	bookmarks map[bmKey]bmOp
	visits    map[string]time.Time
}

func newStoreOps() *storeOps {
	return &storeOps{positions: map[string]posEntry{}, bookmarks: map[bmKey]bmOp{}, visits: map[string]time.Time{}}
}

func (o *storeOps) empty() bool {
	return len(o.positions) == 0 && len(o.bookmarks) == 0 && len(o.visits) == 0
}

// absorb adds the later changes in n to o.
func (o *storeOps) absorb(n *storeOps) {
	for k, v := range n.positions {
		o.positions[k] = v
	}
	for k, v := range n.bookmarks {
		o.bookmarks[k] = v
	}
	for k, t := range n.visits {
		if t.After(o.visits[k]) {
			o.visits[k] = t
		}
	}
}
