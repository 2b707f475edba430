package guides

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// librarySlugs are the eighteen guides other features depend on.
var librarySlugs = []string{
	"work-permit-canada-pathways", "lmia-work-permit-canada", "open-work-permit-canada",
	"canadian-experience-class", "express-entry-strategy", "post-graduation-work-permit",
	"spousal-open-work-permit", "bridging-open-work-permit", "employer-specific-work-permit",
	"lmia-exempt-work-permits", "job-offer-canada-immigration", "provincial-nominee-programs",
	"crs-comprehensive-ranking-system", "temporary-to-permanent-residence", "glossary", "about-these-guides",
	"atlantic-immigration-program", "rural-and-francophone-community-pilots",
}

// TestEmbeddedContent holds every built-in guide to the content standard.
// It reads only the guides, never today's date.
func TestEmbeddedContent(t *testing.T) {
	lib := LoadEmbedded()
	if p := lib.Problems(); len(p) > 0 {
		t.Fatalf("check reports problems in the embedded guides:\n%s", problemsText(p))
	}
	for _, slug := range librarySlugs {
		if _, ok := lib.Guide(slug); !ok {
			t.Errorf("guide %q is missing", slug)
		}
	}
	if got := lib.Guides()[0].Slug; got != OverviewSlug {
		t.Errorf("first guide = %q, want the overview", got)
	}

	for _, g := range lib.Guides() {
		t.Run(g.Slug, func(t *testing.T) {
			if g.Title == "" || g.Summary == "" || g.Reviewed.IsZero() {
				t.Errorf("front matter incomplete: title %q summary %q reviewed %v", g.Title, g.Summary, g.Reviewed)
			}
			if len(g.Summary) > 140 {
				t.Errorf("summary is %d characters; keep it to one short line", len(g.Summary))
			}
			reference := g.Slug == "glossary" || g.Slug == "about-these-guides"

			// Sources: at least three, official first, each cited (check
			// reports a source nothing cites).
			if len(g.Sources) < 3 {
				t.Errorf("%d sources, want at least 3", len(g.Sources))
			}
			official := 0
			for i, s := range g.Sources {
				u, err := url.Parse(s.URL)
				if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
					t.Errorf("source %q: url %q is not a web address", s.Title, s.URL)
					continue
				}
				if isOfficial(u.Host) {
					official++
				} else if official == 0 && i == 0 {
					t.Errorf("first source %q is not an official canada.ca page", s.URL)
				}
			}
			if len(g.Sources) > 0 && official == 0 {
				t.Errorf("no canada.ca source")
			}

			// Length.
			lo, hi := 600, 2400
			switch g.Slug {
			case "glossary":
				lo, hi = 600, 2600
			case "about-these-guides":
				lo, hi = 400, 2400
			}
			if g.Words() < lo || g.Words() > hi {
				t.Errorf("body has %d words, want %d to %d", g.Words(), lo, hi)
			}

			// Shape: In short first (3 to 5 points), Related guides last.
			if len(g.headings) == 0 || g.headings[0].Text != "In short" {
				t.Errorf("first section is not \"In short\": %v", headingTexts(g))
			} else if n := bulletsAfter(g, g.headings[0]); n < 3 || n > 5 {
				t.Errorf("\"In short\" has %d points, want 3 to 5", n)
			}
			if last := g.headings[len(g.headings)-1]; last.Text != "Related guides" {
				t.Errorf("last section is %q, want \"Related guides\"", last.Text)
			}
			if !reference && !slices.Contains(headingTexts(g), "Recent changes") {
				t.Errorf("no \"Recent changes\" section: %v", headingTexts(g))
			}
			for _, h := range g.headings {
				if h.Level == 1 {
					t.Errorf("line %d: H1 %q in body; the title comes from front matter", h.Line, h.Text)
				}
			}
			for _, bad := range []string{"![", "<div", "<img", "<br", "<table"} {
				if strings.Contains(g.Body, bad) {
					t.Errorf("body contains %q: no images or raw HTML", bad)
				}
			}
			for _, trap := range []string{"paper application", "paper-based"} {
				if strings.Contains(strings.ToLower(g.Body), trap) {
					t.Errorf("body says %q; PNP base applications moved online", trap)
				}
			}

			// A link to a guide (not to one of its sections) reads as the
			// guide's title, so a reader recognizes it everywhere.
			for _, l := range g.links {
				if l.Kind != LinkGuide || l.Anchor != "" {
					continue
				}
				if target, ok := lib.Guide(l.Slug); ok && l.Text != target.Title {
					t.Errorf("line %d: link text %q to %s; use its title %q", l.Line, l.Text, l.Slug, target.Title)
				}
			}

			// Connected.
			if out := lib.Outgoing(g); len(out) < 2 {
				t.Errorf("links to %d other guides, want at least 2", len(out))
			}
			if g.Slug != OverviewSlug && len(lib.Backlinks(g.Slug)) == 0 {
				t.Errorf("no guide links here")
			}
		})
	}

	// The overview reaches every guide within two steps.
	ov, _ := lib.Guide(OverviewSlug)
	reach := map[string]bool{OverviewSlug: true}
	for _, s := range lib.Outgoing(ov) {
		reach[s] = true
		g, _ := lib.Guide(s)
		for _, s2 := range lib.Outgoing(g) {
			reach[s2] = true
		}
	}
	for _, g := range lib.Guides() {
		if !reach[g.Slug] {
			t.Errorf("%s is more than two steps from the overview", g.Slug)
		}
	}
}

// hedgeMarkers are the audit's hedge markers (audit of 2026-12-01, section
// b), as regular expressions over body text.
var hedgeMarkers = regexp.MustCompile(`(?i)general (knowledge|background)|\breported(ly)?\b|as cited for|` +
	`confirm (on|there|it|them|both|the details|with)|verify (it|them) on|check with ircc|` +
	`unconfirmed|not (be )?confirmed|could not confirm|no official confirmation|not re-checked|` +
	`we did not (see|open)|not (seen|checked) on canada\.ca|unresolved|fact base|research notes|` +
	`checked sources|for this review|our reading`)

// TestHedgeMarkers holds the library to under one hedge marker per 1,000
// words, counted as the audit counted them, outside the labelled boxes
// (whose label is the one place "Not confirmed" belongs) and outside link
// destinations (an anchor such as #not-confirmed-… is not prose).
func TestHedgeMarkers(t *testing.T) {
	lib := LoadEmbedded()
	words, hedges := 0, 0
	for _, g := range lib.Guides() {
		g.ensure()
		words += g.Words()
		for line := range strings.SplitSeq(g.Body, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), ">") {
				continue
			}
			line = linkDest.ReplaceAllString(line, "]")
			for _, m := range hedgeMarkers.FindAllString(line, -1) {
				hedges++
				t.Logf("%s: %q in %q", g.Slug, m, line)
			}
		}
	}
	perThousand := float64(hedges) * 1000 / float64(words)
	t.Logf("%d hedge markers in %d words: %.2f per 1,000", hedges, words, perThousand)
	if perThousand >= 1 {
		t.Errorf("%d hedge markers in %d words (%.2f per 1,000); want under 1 per 1,000", hedges, words, perThousand)
	}
}

var linkDest = regexp.MustCompile(`\]\([^)]*\)`)

func isOfficial(host string) bool {
	return host == "canada.ca" || strings.HasSuffix(host, ".canada.ca") || strings.HasSuffix(host, ".gc.ca")
}

func headingTexts(g *Guide) []string {
	var out []string
	for _, h := range g.headings {
		out = append(out, h.Text)
	}
	return out
}

// bulletsAfter counts the top-level list items between h and the next heading.
func bulletsAfter(g *Guide, h Heading) int {
	end := len(g.Body)
	for _, next := range g.headings {
		if next.Offset > h.Offset {
			end = next.Offset
			break
		}
	}
	n := 0
	for _, line := range strings.Split(g.Body[h.Offset:end], "\n") {
		if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
			n++
		}
	}
	return n
}
