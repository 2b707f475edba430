// Package guides is the guide format and the library: parsing and checking
// front matter and citations, loading folders of guides (the embedded ones
// in content/), links, headings and the pages a reader reads. Text leaves
// it sanitized. It knows nothing about terminals or screens and must not
// import package tui or its subpackages; search and the pathway finder are
// its subpackages.
package guides

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// OverviewSlug is the guide that ties the library together; it is listed first.
const OverviewSlug = "work-permit-canada-pathways"

// Guide is one parsed, sanitised guide. All text fields are safe to print.
type Guide struct {
	Slug     string
	Title    string
	Summary  string
	Tags     []string
	Related  []string
	Reviewed time.Time
	Sources  []Source

	// Body is the markdown after the front matter.
	Body string
	// File names the file in messages: a path, or guides/content/NAME.md for
	// embedded guides.
	File string
	// Origin is "embedded" or the file's path on disk.
	Origin string
	// BodyLine is the file line on which Body starts (1-based).
	BodyLine int

	// headings and links come from analysing the body: at load, or in a
	// lazy library when first asked for. Read them through Headings and
	// Links, which analyse first, so they are never empty behind the
	// reader's back.
	headings []Heading
	links    []Link
	// Plain is set when the body was past its budget (nesting, size of
	// its markdown) and is shown as plain text; a renderer can lay it out
	// without a markdown renderer.
	Plain bool

	// source is Body as loaded: analysing may replace Body (see analyse),
	// so lazy libraries read source for the links a body may hold.
	source string
	// lazy is set in lazy libraries: the guide's analysis, done once.
	lazy *lazyAnalysis

	// blocks are the body's paragraphs, list items and table rows as plain
	// text, for search.
	blocks []block
}

// block is one searchable piece of body text and where it starts in Body.
type block struct {
	text   string
	offset int
}

// Block is one piece of a guide's body text as plain text (a paragraph, a
// list item, a table row) and the byte offset in Body where it starts.
type Block struct {
	Text   string
	Offset int
}

// TextBlocks returns the guide's body as plain-text blocks, in order,
// analysing the guide first if it has not been.
func (g *Guide) TextBlocks() []Block {
	g.ensure()
	out := make([]Block, len(g.blocks))
	for i, b := range g.blocks {
		out[i] = Block{Text: b.text, Offset: b.offset}
	}
	return out
}

// Source is one reference a guide's facts come from. The body cites it as
// [^ID]; Kind is "official" or "secondary"; Published and Checked are
// YYYY-MM-DD (Published is optional).
type Source struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url"`
	Kind      string `json:"kind,omitempty"`
	Published string `json:"published,omitempty"`
	Checked   string `json:"checked,omitempty"`
	// Line is the file line of the source's entry in the front matter.
	Line int `json:"-"`
}

// Heading is a section heading with its GitHub-style anchor.
type Heading struct {
	Level  int
	Text   string
	Anchor string
	// Line is the file line of the heading; Offset its byte offset in Body.
	Line   int
	Offset int
}

// ReviewedString is the reviewed date as YYYY-MM-DD.
func (g *Guide) ReviewedString() string { return g.Reviewed.Format(time.DateOnly) }

// StaleAfter is how long a guide's facts are trusted after its review.
const StaleAfter = 12 // months

// Stale reports whether the guide was reviewed more than StaleAfter months
// before now, so its facts may be out of date.
func (g *Guide) Stale(now time.Time) bool {
	return !g.Reviewed.IsZero() && g.Reviewed.AddDate(0, StaleAfter, 0).Before(now)
}

// lazyAnalysis runs one guide's analysis once, from whichever goroutine
// needs it first.
type lazyAnalysis struct {
	once  sync.Once
	done  atomic.Bool
	probs []Problem
	// read, when set, reads the guide's text first: the load read only
	// its front matter.
	read func() []Problem
}

// ensure analyses g now if a lazy load left it for later, reading its
// text first if the load did not. It is safe for concurrent use; the
// analysis happens before ensure returns, in every goroutine that calls it.
func (g *Guide) ensure() {
	if l := g.lazy; l != nil {
		l.once.Do(func() {
			if l.read != nil {
				l.probs = l.read()
			}
			l.probs = append(l.probs, analyse(g)...)
			l.done.Store(true)
		})
	}
}

// Headings returns the body's headings in order, with their anchors.
func (g *Guide) Headings() []Heading {
	g.ensure()
	return g.headings
}

// Links returns the body's links in reading order.
func (g *Guide) Links() []Link {
	g.ensure()
	return g.links
}

// Words is the number of words in the body, counted when asked for.
func (g *Guide) Words() int {
	g.ensure()
	return countWords(g.Body)
}

// Heading returns the heading with the given anchor.
func (g *Guide) Heading(anchor string) (Heading, bool) {
	g.ensure()
	for _, h := range g.headings {
		if h.Anchor == anchor {
			return h, true
		}
	}
	return Heading{}, false
}

// Problem is one thing wrong with a guide file, reported as file:line: message.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}
