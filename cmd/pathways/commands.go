package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/guides/finder"
	"pathways/guides/search"
	"pathways/tui"
	"pathways/tui/render"
)

func (a *app) listCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the guides: slug, title and the date their facts were reviewed",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				lib, err := a.library(false)
				if err != nil {
					return err
				}
				return a.writeJSON(listJSON(lib))
			}
			lib, err := a.headers()
			if err != nil {
				return err
			}
			if t, err := a.terminalTable(); err != nil {
				return err
			} else if t != nil {
				return t.list(a.stdout, lib.Guides())
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, g := range lib.Guides() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", g.Slug, g.Title, g.ReviewedString())
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array for scripts")
	return cmd
}

// guideJSON is one guide in `list --json`.
type guideJSON struct {
	Slug      string          `json:"slug"`
	Title     string          `json:"title"`
	Summary   string          `json:"summary"`
	Tags      []string        `json:"tags"`
	Related   []string        `json:"related"`
	Reviewed  string          `json:"reviewed"`
	Sources   []guides.Source `json:"sources"`
	Links     []string        `json:"links"`
	Backlinks []string        `json:"backlinks"`
	Origin    string          `json:"origin"`
}

func listJSON(lib *guides.Library) []guideJSON {
	out := make([]guideJSON, 0, len(lib.Guides()))
	for _, g := range lib.Guides() {
		j := guideJSON{
			Slug: g.Slug, Title: g.Title, Summary: g.Summary, Reviewed: g.ReviewedString(), Origin: g.Origin,
			Tags: nonNil(g.Tags), Related: nonNil(g.Related), Sources: nonNil(g.Sources),
			Links: nonNil(lib.Outgoing(g)), Backlinks: []string{},
		}
		for _, b := range lib.Backlinks(g.Slug) {
			j.Backlinks = append(j.Backlinks, b.Slug)
		}
		out = append(out, j)
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (a *app) showCmd() *cobra.Command {
	var noPager bool
	cmd := &cobra.Command{
		Use:               "show SLUG",
		Short:             "Print a guide (SLUG#ANCHOR: one section), rendered for the terminal (plain text when piped)",
		Args:              usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: a.completeSlugs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.lazily()
			if err != nil {
				return err
			}
			slug, anchor, _ := strings.Cut(args[0], "#")
			g, err := lib.LookupName(slug)
			if err != nil {
				return err
			}
			style, err := a.textStyle()
			if err != nil {
				return err
			}
			r, err := render.New(lib, style, a.textWidth())
			if err != nil {
				return err
			}
			out, err := r.Text(g)
			if anchor != "" {
				if out, err = r.TextSection(g, anchor); err != nil {
					return usage(err)
				}
			}
			if err != nil {
				return err
			}
			err = a.page(out, noPager)
			a.report(lib, lib.LinkProblems(g)...)
			return err
		},
	}
	cmd.Flags().BoolVar(&noPager, "no-pager", false, "print straight to the terminal, not through $PAGER (also PAGER=cat)")
	return cmd
}

func (a *app) checkCmd() *cobra.Command {
	var stale bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Validate every guide; print each problem as file:line: message",
		Long:  `Validate every loaded guide: front matter, links, anchors, related guides. Each problem is printed as file:line: message. Exits 1 if there is any problem. With --stale, list instead the guides reviewed more than 12 months ago.`,
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.library(true)
			if err != nil {
				return err
			}
			if stale {
				return a.checkStale(lib)
			}
			probs := append(lib.Problems(), finder.Check(lib)...)
			for _, p := range probs {
				fmt.Fprintln(a.stdout, p.String())
			}
			if len(probs) > 0 {
				fmt.Fprintf(a.stderr, "%d problem(s) in %d guide(s) checked\n", len(probs), len(lib.Guides()))
				return exitCode(exitNotFound)
			}
			fmt.Fprintf(a.stderr, "%d guides checked, no problems\n", len(lib.Guides()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&stale, "stale", false, "list guides whose facts were reviewed more than 12 months ago")
	return cmd
}

// checkStale lists the guides that may be out of date; exit 1 if any.
func (a *app) checkStale(lib *guides.Library) error {
	now := a.now()
	n := 0
	for _, g := range lib.Guides() {
		if g.Stale(now) {
			fmt.Fprintf(a.stdout, "%s: may be out of date, reviewed %s (%s)\n", g.File, g.ReviewedString(), g.Slug)
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(a.stderr, "%d of %d guides were reviewed more than %d months ago\n", n, len(lib.Guides()), guides.StaleAfter)
		return exitCode(exitNotFound)
	}
	fmt.Fprintf(a.stderr, "%d guides checked, all reviewed within %d months\n", len(lib.Guides()), guides.StaleAfter)
	return nil
}

func (a *app) searchCmd() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search every guide; prints ranked results (slug, title, section, snippet)",
		Long:  `Search titles, tags, headings, summaries and text of every guide, ranked as in the browser's search pane. Each word must match. Exits 1 when nothing matches.`,
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Search reads every guide's text but needs no check of its
			// links (check does that): a lazy load, reporting the
			// problems of the guides' headers.
			lib, err := a.headers()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			results := search.NewIndex(lib).Search(query, limit)
			if len(results) == 0 {
				fmt.Fprintf(a.stderr, "no guide matches %q\n", guides.SanitizeLine(query))
				if asJSON {
					if err := a.writeJSON([]searchJSON{}); err != nil {
						return err
					}
				}
				return exitCode(exitNotFound)
			}
			if asJSON {
				out := make([]searchJSON, 0, len(results))
				for _, r := range results {
					snippet, _ := r.Snippet(160)
					out = append(out, searchJSON{Slug: r.Guide.Slug, Title: r.Guide.Title, Field: r.Field.String(),
						Heading: r.Heading, Anchor: r.Anchor, Snippet: snippet, Score: r.Score})
				}
				return a.writeJSON(out)
			}
			if t, err := a.terminalTable(); err != nil {
				return err
			} else if t != nil {
				return t.search(a.stdout, results)
			}
			for _, r := range results {
				snippet, _ := r.Snippet(100)
				where := r.Guide.Slug
				if r.Anchor != "" {
					where += "#" + r.Anchor
				}
				fmt.Fprintf(a.stdout, "%s\t%s\t%s\t%s\n", where, r.Guide.Title, r.Heading, snippet)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array for scripts")
	cmd.Flags().IntVar(&limit, "limit", 10, "show at most `N` results (0: all)")
	return cmd
}

// searchJSON is one result in `search --json`.
type searchJSON struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Field   string `json:"field"`
	Heading string `json:"heading"`
	Anchor  string `json:"anchor"`
	Snippet string `json:"snippet"`
	Score   int    `json:"score"`
}

func (a *app) runBrowse(cmd *cobra.Command, args []string) error {
	// Lazily: the first screen needs the front matter and one guide's
	// text; the rest is read after it is up (see tui's afterFirstScreen).
	lib, err := a.lazily()
	if err != nil {
		return err
	}
	a.report(lib)
	// The browser draws on a terminal: auto asks it for its background.
	o := a.output(a.stdout)
	o.Terminal = true
	style, err := render.ResolveStyle(o)
	if err != nil {
		return usage(err)
	}
	opts := tui.Options{Style: style, Width: a.width}
	if len(args) == 1 {
		g, err := lib.LookupName(args[0])
		if err != nil {
			// A mistyped command is likelier than a guide: name it first.
			if near := cmd.Root().SuggestionsFor(args[0]); len(near) > 0 {
				msg := fmt.Sprintf("no command or guide %q; did you mean the command %s?",
					guides.SanitizeLine(args[0]), strings.Join(near, " or "))
				if u, ok := errors.AsType[*guides.UnknownGuideError](err); ok && len(u.Suggestions) > 0 {
					msg += " Guides with similar names: " + strings.Join(u.Suggestions, ", ")
				}
				return usage(errors.New(msg))
			}
			return err
		}
		opts.Slug = g.Slug
	}
	if !isTerminal(a.stdin) || !isTerminal(a.stdout) {
		a.errorf("the browser needs a terminal; to print instead, use `pathways list` or `pathways show SLUG`")
		return exitCode(exitUsage)
	}
	var notices []string
	// The problems were printed before the browser took the screen; say
	// so on it too, or they are seen only after quitting.
	if n := len(lib.Problems()); n > 0 {
		notices = append(notices, fmt.Sprintf("%d problem(s) in guide files; the other guides loaded (`pathways check` lists them)", n))
	}
	store, warning, err := a.openStore(cmd)
	switch {
	case err != nil:
		notices = append(notices, fmt.Sprintf("reading state is not saved this time: %v", err))
	case warning != "":
		notices = append(notices, warning)
	}
	opts.Notice = strings.Join(notices, "; ")
	opts.Store = store
	opts.Now = a.now
	return tui.Run(lib, opts, a.stdin, a.stdout)
}
