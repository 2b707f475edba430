package guides

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sahilm/fuzzy"
)

// DefaultMaxFileSize is the largest guide file read; bigger files are reported
// and skipped.
const DefaultMaxFileSize = 2 << 20

// Dir is one folder of guides. Later dirs override earlier ones by slug.
type Dir struct {
	FS fs.FS
	// Name prefixes file names in messages (a path on disk, or
	// "guides/content" for the embedded guides).
	Name string
	// Embedded marks the built-in guides (origin "embedded").
	Embedded bool
}

// OSDir is a folder on disk. A missing folder or a file is reported by Load.
func OSDir(p string) Dir { return Dir{FS: osFS(p), Name: filepath.Clean(p)} }

// Options tune loading.
type Options struct {
	// MaxFileSize in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Lazy reads front matter now and analyses each guide's body when it
	// is first needed: by its headings, links, words, text blocks or page,
	// its backlinks (only guides whose text names the slug are analysed
	// for those), or Complete. Problems lists what has been found so far.
	// For commands that list guides or show one, and for the browser's
	// first screen; the results are those of a full load.
	Lazy bool
}

// Library is every loaded guide, parsed once and validated. It is safe to
// share between goroutines: a lazy library analyses its guides as they
// are needed, each once, under its own locks.
type Library struct {
	guides []*Guide
	bySlug map[string]*Guide
	pages  sync.Map // pageKey → its *Guide page, built on first use
	// readings are guides' own text as read (see Reading), built on first use.
	readings sync.Map

	// mu guards what linking the whole library writes: backlinks,
	// problems and linked. Lazy libraries link in Complete.
	mu        sync.RWMutex
	backlinks map[string][]*Guide
	problems  []Problem
	linked    bool
	complete  sync.Once

	// suggested counts the "did you mean" lists made for problems: each
	// costs a pass over every slug, so only the first few broken links of
	// a library get one, and a library full of broken links still loads
	// in time linear in its size.
	suggested atomic.Int32
}

// maxProblemSuggestions is how many problems in one library suggest slugs.
const maxProblemSuggestions = 20

// Load reads every .md file in dirs (README.md excepted), later dirs
// replacing guides of the same slug, and validates the result. It never
// fails: every problem is collected in Problems and the good guides load.
func Load(dirs []Dir, opts Options) *Library {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	lib := &Library{bySlug: map[string]*Guide{}, backlinks: map[string][]*Guide{}}
	for _, d := range dirs {
		seen := map[string]*Guide{}
		for _, g := range lib.readDir(d, opts) {
			if prev, dup := seen[g.Slug]; dup {
				lib.problems = append(lib.problems, Problem{File: g.File, Line: 1,
					Msg: fmt.Sprintf("duplicate slug %q (also %s)", g.Slug, prev.File)})
				continue
			}
			seen[g.Slug] = g
			lib.bySlug[g.Slug] = g
		}
	}
	for _, g := range lib.bySlug {
		lib.guides = append(lib.guides, g)
	}
	slices.SortFunc(lib.guides, compareGuides)
	if !opts.Lazy {
		lib.link()
	}
	return lib
}

// Complete analyses every guide a lazy load left for later, and links the
// library: problems and backlinks are then those of a full load. It may be
// called from any goroutine; later calls wait for the first. It does
// nothing for a library loaded whole.
func (lib *Library) Complete() {
	lib.complete.Do(func() {
		lib.mu.RLock()
		linked := lib.linked
		lib.mu.RUnlock()
		if linked {
			return
		}
		Prepare(lib.guides)
		lib.link()
	})
}

// Prepare reads and analyses, on every core, those of gs a lazy load left
// for later: what searching their text needs, without the checks of the
// library's links that Complete also makes.
func Prepare(gs []*Guide) {
	parallel(len(gs), func(i int) { gs[i].ensure() })
}

// readDir parses every guide file in one dir: the folder is walked first,
// then the files are read and parsed on every core, results kept in walk
// order so loading is deterministic.
func (lib *Library) readDir(d Dir, opts Options) []*Guide {
	display := func(p string) string { return SanitizeLine(path.Join(filepath.ToSlash(d.Name), p)) }
	var files []string
	err := fs.WalkDir(d.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			lib.problems = append(lib.problems, Problem{File: display(p), Msg: "cannot read: " + describe(err)})
			if e != nil && e.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if p != "." && strings.HasPrefix(e.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.EqualFold(path.Ext(p), ".md") && !strings.EqualFold(e.Name(), "README.md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		lib.problems = append(lib.problems, Problem{File: SanitizeLine(d.Name), Msg: "cannot read folder: " + describe(err)})
	}

	type parsed struct {
		g     *Guide
		probs []Problem
	}
	results := make([]parsed, len(files))
	parallel(len(files), func(i int) {
		g, probs := readGuide(d, files[i], display(files[i]), opts)
		results[i] = parsed{g, probs}
	})
	var out []*Guide
	for _, r := range results {
		lib.problems = append(lib.problems, r.probs...)
		if r.g != nil {
			out = append(out, r.g)
		}
	}
	return out
}

// readGuide reads, parses and analyses one file; in a lazy load it reads
// the front matter only, and the text when the guide is first analysed.
func readGuide(d Dir, p, display string, opts Options) (*Guide, []Problem) {
	origin := "embedded"
	if !d.Embedded {
		origin = SanitizeLine(path.Join(filepath.ToSlash(d.Name), p))
	}
	head := 0
	if opts.Lazy {
		head = maxHead
	}
	data, whole, probs := readFile(d, p, display, opts.MaxFileSize, head)
	if data == nil {
		return nil, probs
	}
	n, ok := headLength(data)
	if !whole && !ok {
		// No front matter in reach: read it all, for the whole story.
		if data, _, probs = readFile(d, p, display, opts.MaxFileSize, 0); data == nil {
			return nil, probs
		}
		whole = true
	}
	if whole {
		g, probs := parseFile(display, origin, data)
		switch {
		case g == nil:
		case opts.Lazy:
			g.lazy = &lazyAnalysis{}
		default:
			probs = append(probs, analyse(g)...)
		}
		return g, probs
	}
	g, probs := parseHead(display, origin, data[:n])
	if g != nil {
		g.lazy = &lazyAnalysis{read: func() []Problem { return g.readText(d, p, opts.MaxFileSize) }}
	}
	return g, probs
}

// maxHead is how much of a file a lazy load reads for its front matter:
// more than the front matter's own limit (MaxFrontMatterBytes), so a header
// over that limit is read whole and reported as a full load reports it.
const maxHead = MaxFrontMatterBytes + 4<<10

// readText reads g's text for a lazy library, which read only its front
// matter. The file is read again, with the same checks; a file that can
// no longer be read, or is no longer a guide, leaves the text empty and
// says why, and the rest of the library is unaffected.
func (g *Guide) readText(d Dir, p string, limit int64) []Problem {
	data, _, probs := readFile(d, p, g.File, limit, 0)
	if data == nil {
		return probs
	}
	if bad := checkBytes(data); bad != nil {
		bad.File = g.File
		return []Problem{*bad}
	}
	n, ok := headLength(data)
	if !ok {
		return []Problem{{File: g.File, Line: 1, Msg: "front matter changed since the library was loaded: it is no longer closed"}}
	}
	g.setBody(string(data[n:]))
	if e := g.emptyBody(); e != nil {
		return []Problem{*e}
	}
	return nil
}

// readFile reads a guide file: whole when head is 0, or else until its
// front matter is closed (or past head bytes); whole says whether data is
// the whole file. data is nil when the file cannot be read or is skipped;
// problems say why.
func readFile(d Dir, p, display string, limit int64, head int) (data []byte, whole bool, probs []Problem) {
	// Open once, then ask the opened file what it is: a file swapped for a
	// FIFO or a device after the folder was listed is skipped, not read,
	// and no file is read past the size limit, whatever its size said.
	f, err := d.FS.Open(p)
	if err != nil {
		return nil, false, []Problem{{File: display, Msg: "cannot read: " + describe(err)}}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, false, []Problem{{File: display, Msg: "cannot read: " + describe(err)}}
	}
	if !info.Mode().IsRegular() {
		return nil, false, nil
	}
	tooBig := func(size int64) ([]byte, bool, []Problem) {
		return nil, false, []Problem{{File: display,
			Msg: fmt.Sprintf("file is %d bytes, over the %d-byte limit; skipped", size, limit)}}
	}
	if info.Size() > limit {
		return tooBig(info.Size())
	}
	r := io.LimitReader(f, limit+1)
	if head > 0 {
		data, whole, err = readHead(r, head)
	} else {
		data, err = io.ReadAll(r)
		whole = true
	}
	if err != nil {
		return nil, false, []Problem{{File: display, Msg: "cannot read: " + describe(err)}}
	}
	if int64(len(data)) > limit {
		return tooBig(int64(len(data)))
	}
	return data, whole, nil
}

// readHead reads r until the front matter is closed and the text after it
// has begun, the end (eof), or more than limit bytes.
func readHead(r io.Reader, limit int) (data []byte, eof bool, err error) {
	buf := make([]byte, 0, 4<<10)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, cap(buf))
		}
		k, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		switch {
		case err == io.EOF:
			return buf, true, nil
		case err != nil:
			return nil, false, err
		case len(buf) > limit:
			return buf, false, nil
		}
		// Text after the closing line means the line was read whole.
		if n, ok := headLength(buf); ok && n < len(buf) {
			return buf, false, nil
		}
	}
}

// parallel calls f(0) … f(n-1) on every core and waits for them all.
func parallel(n int, f func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// describe shortens an fs error to its cause; the file is named separately.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return SanitizeLine(err.Error())
}

// compareGuides orders the library: the overview first, reference guides
// (glossary, about) last, the rest by title.
func compareGuides(a, b *Guide) int {
	if r := rank(a) - rank(b); r != 0 {
		return r
	}
	if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

func rank(g *Guide) int {
	switch g.Slug {
	case OverviewSlug:
		return 0
	case "glossary", "about-these-guides":
		return 2
	}
	return 1
}

// link validates links and related slugs and builds the backlink index;
// every guide must be analysed.
func (lib *Library) link() {
	backlinks := map[string][]*Guide{}
	// The citation and style checks read each guide's text on its own, on
	// every core; the link checks run in order, so the first broken links
	// are the ones that get suggestions.
	cites := make([][]Problem, len(lib.guides))
	parallel(len(lib.guides), func(i int) { cites[i] = citationProblems(lib.guides[i]) })
	var problems []Problem
	for i, g := range lib.guides {
		problems = append(problems, lib.linkChecks(g)...)
		problems = append(problems, cites[i]...)
		linked := map[string]bool{}
		for _, l := range g.links {
			if _, ok := lib.bySlug[l.Slug]; ok && l.Kind == LinkGuide && l.Slug != g.Slug && !linked[l.Slug] {
				linked[l.Slug] = true
				backlinks[l.Slug] = append(backlinks[l.Slug], g)
			}
		}
	}
	lib.mu.Lock()
	lib.backlinks = backlinks
	lib.problems = append(lib.problems, problems...)
	lib.linked = true
	lib.mu.Unlock()
}

// LinkProblems checks g's links and related guides: what a full load finds
// wrong with g beyond its front matter. A lazy library's Problems holds
// these only once it is complete; a command that shows one guide asks for
// that guide's.
func (lib *Library) LinkProblems(g *Guide) []Problem {
	return append(lib.linkChecks(g), citationProblems(g)...)
}

// linkChecks is LinkProblems without the citation and style checks.
func (lib *Library) linkChecks(g *Guide) []Problem {
	g.ensure()
	var problems []Problem
	report := func(line int, format string, args ...any) {
		problems = append(problems, Problem{File: g.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, l := range g.links {
		switch l.Kind {
		case LinkInvalid:
			report(l.Line, "link %q is not a guide link (/slug, slug.md, #anchor) or a web address", l.Dest)
		case LinkAnchor:
			if _, ok := g.Heading(l.Anchor); !ok {
				report(l.Line, "link %q: no heading with anchor %q in this guide", l.Dest, l.Anchor)
			}
		case LinkGuide:
			target, ok := lib.bySlug[l.Slug]
			if !ok {
				report(l.Line, "link %q: %s", l.Dest, lib.unknownInProblem(l.Slug).Error())
				continue
			}
			if l.Anchor != "" {
				if _, ok := target.Heading(l.Anchor); !ok {
					report(l.Line, "link %q: guide %q has no heading with anchor %q", l.Dest, l.Slug, l.Anchor)
				}
			}
		}
	}
	for _, r := range g.Related {
		if _, ok := lib.bySlug[r]; !ok {
			report(1, "related: %s", lib.unknownInProblem(r).Error())
		}
	}
	return problems
}

// Guides returns every guide in library order. The slice must not be changed.
func (lib *Library) Guides() []*Guide { return lib.guides }

// Guide returns the guide with the given slug.
func (lib *Library) Guide(slug string) (*Guide, bool) {
	g, ok := lib.bySlug[slug]
	return g, ok
}

// Lookup is Guide with an error that suggests close slugs, or says why the
// file of that name was not loaded.
func (lib *Library) Lookup(slug string) (*Guide, error) {
	if g, ok := lib.bySlug[slug]; ok {
		return g, nil
	}
	err := lib.unknown(slug).(*UnknownGuideError)
	lib.mu.RLock()
	for _, p := range lib.problems {
		if path.Base(p.File) == slug+".md" {
			err.NotLoaded = append(err.NotLoaded, p)
		}
	}
	lib.mu.RUnlock()
	return nil, err
}

// LookupName is Lookup for a name a person typed (`pathways show pgwp`): a
// slug, or failing that the one guide whose slug or title matches it in
// any case, or whose title ends with it as an acronym in brackets. Links
// in guides are held to exact slugs (Lookup), so check and the reader
// agree on what a link points to.
func (lib *Library) LookupName(name string) (*Guide, error) {
	g, err := lib.Lookup(name)
	if err == nil {
		return g, nil
	}
	if g := lib.byName(name); g != nil {
		return g, nil
	}
	return nil, err
}

// byName is the one guide whose slug or title equals name, ignoring case,
// or whose title names it as an acronym in brackets ("pgwp" for
// "Post-graduation work permit (PGWP)"); nil when none or several do.
func (lib *Library) byName(name string) *Guide {
	if name == "" {
		return nil
	}
	var found *Guide
	for _, g := range lib.guides {
		if strings.EqualFold(g.Slug, name) || strings.EqualFold(g.Title, name) || strings.EqualFold(titleAcronym(g.Title), name) {
			if found != nil {
				return nil
			}
			found = g
		}
	}
	return found
}

// titleAcronym is the acronym a title ends with in brackets, "PGWP" for
// "Post-graduation work permit (PGWP)", or "".
func titleAcronym(title string) string {
	open := strings.LastIndexByte(title, '(')
	if open < 0 || !strings.HasSuffix(title, ")") {
		return ""
	}
	a := title[open+1 : len(title)-1]
	if len(a) < 2 || len(a) > 10 || strings.ToUpper(a) != a || strings.ContainsAny(a, " ,;") {
		return ""
	}
	return a
}

// Backlinks returns the guides that link to slug, in library order. A
// lazy library is completed first (see Complete): which guides link to
// one is only known from the text of them all.
func (lib *Library) Backlinks(slug string) []*Guide {
	lib.Complete()
	lib.mu.RLock()
	bl := slices.Clone(lib.backlinks[slug])
	lib.mu.RUnlock()
	return bl
}

// Linked reports whether the library's links have all been read: always
// for a full load, and for a lazy one once Complete has run. Until then
// pages have no "Linked from" section (see Page).
func (lib *Library) Linked() bool {
	lib.mu.RLock()
	defer lib.mu.RUnlock()
	return lib.linked
}

// Outgoing returns the distinct slugs g links to, in reading order.
func (lib *Library) Outgoing(g *Guide) []string {
	g.ensure()
	var out []string
	for _, l := range g.links {
		if l.Kind == LinkGuide && l.Slug != g.Slug && !slices.Contains(out, l.Slug) {
			if _, ok := lib.bySlug[l.Slug]; ok {
				out = append(out, l.Slug)
			}
		}
	}
	return out
}

// Problems returns every problem found while loading, in file order.
func (lib *Library) Problems() []Problem {
	lib.mu.RLock()
	out := slices.Clone(lib.problems)
	lib.mu.RUnlock()
	for _, g := range lib.guides {
		if l := g.lazy; l != nil && l.done.Load() {
			out = append(out, l.probs...)
		}
	}
	slices.SortStableFunc(out, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}

// Target is where a link leads: a guide (and maybe a heading), or a URL.
type Target struct {
	Guide  *Guide
	Anchor string
	URL    string
}

// Resolve follows a link destination written in from (which may be nil for
// links typed by a user).
func (lib *Library) Resolve(from *Guide, dest string) (Target, error) {
	kind, slug, anchor := ParseDest(dest)
	switch kind {
	case LinkExternal:
		return Target{URL: strings.TrimSpace(dest)}, nil
	case LinkAnchor:
		if from == nil {
			return Target{}, fmt.Errorf("link %q has no guide to be relative to", dest)
		}
		if _, ok := from.Heading(anchor); !ok {
			return Target{}, fmt.Errorf("no heading %q in %q", anchor, from.Slug)
		}
		return Target{Guide: from, Anchor: anchor}, nil
	case LinkGuide:
		g, err := lib.Lookup(slug)
		if err != nil {
			return Target{}, err
		}
		if anchor != "" {
			if _, ok := g.Heading(anchor); !ok {
				return Target{}, fmt.Errorf("no heading %q in %q", anchor, slug)
			}
		}
		return Target{Guide: g, Anchor: anchor}, nil
	}
	return Target{}, fmt.Errorf("link %q is not a guide link or a web address", dest)
}

// UnknownGuideError is returned for a slug that is not in the library.
type UnknownGuideError struct {
	Slug        string
	Suggestions []string
	// NotLoaded are the problems that kept a file of that name out.
	NotLoaded []Problem
}

func (e *UnknownGuideError) Error() string {
	msg := fmt.Sprintf("no guide %q", SanitizeLine(e.Slug))
	if len(e.NotLoaded) > 0 {
		p := e.NotLoaded[0]
		return fmt.Sprintf("%s: its file was not loaded (%s)", msg, p)
	}
	if len(e.Suggestions) > 0 {
		msg += "; did you mean: " + strings.Join(e.Suggestions, ", ")
	}
	return msg
}

func (lib *Library) unknown(slug string) error {
	return &UnknownGuideError{Slug: slug, Suggestions: lib.Suggest(slug, 3)}
}

// unknownInProblem is unknown for a problem report: past the first
// maxProblemSuggestions, it names the slug without suggestions.
func (lib *Library) unknownInProblem(slug string) error {
	if lib.suggested.Add(1) > maxProblemSuggestions {
		return &UnknownGuideError{Slug: slug}
	}
	return lib.unknown(slug)
}

// Suggest returns up to n slugs close to s: fuzzy matches first, then slugs
// within a small edit distance.
func (lib *Library) Suggest(s string, n int) []string {
	slugs := make([]string, len(lib.guides))
	for i, g := range lib.guides {
		slugs[i] = g.Slug
	}
	var out []string
	for _, m := range fuzzy.Find(s, slugs) {
		if len(out) == n {
			return out
		}
		out = append(out, m.Str)
	}
	type scored struct {
		slug string
		d    int
	}
	var near []scored
	for _, slug := range slugs {
		prefix := slug[:min(len(slug), len(s))]
		if d := editDistance(s, prefix); d <= max(2, len(s)/3) && !slices.Contains(out, slug) {
			near = append(near, scored{slug, d})
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int { return a.d - b.d })
	for _, x := range near {
		if len(out) == n {
			break
		}
		out = append(out, x.slug)
	}
	return out
}

// EditDistance is the Levenshtein distance with adjacent transpositions,
// for "did you mean" suggestions.
func EditDistance(a, b string) int { return editDistance(a, b) }

// editDistance is the Levenshtein distance with adjacent transpositions.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
