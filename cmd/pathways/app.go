package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"pathways/assets"
	"pathways/guides"
	"pathways/tui/render"
)

// app holds what every command shares: IO, flags and the library.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	dirs  []string
	style string
	// accessibleFlag is find's --accessible.
	accessibleFlag bool
	width          int
	maxSize        string

	lib *guides.Library
	// libOpts is how lib was loaded: a full load serves every command.
	libOpts guides.Options
}

// now is the clock: PATHWAYS_NOW (YYYY-MM-DD) pins it for tests.
func (a *app) now() time.Time {
	if v := a.getenv("PATHWAYS_NOW"); v != "" {
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return t
		}
	}
	return time.Now()
}

// errorf prints a message to stderr. Messages can quote what a user typed
// (an unknown flag, a file's name), so they are made safe to print here.
func (a *app) errorf(format string, args ...any) {
	fmt.Fprint(a.stderr, render.Clean(fmt.Sprintf("pathways: "+format, args...), false)+"\n")
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "pathways [SLUG]",
		Short: "Offline guides to Canadian work permits and the routes to permanent residence",
		Long: `pathways is an offline terminal browser for guides on Canadian work permits and the routes from temporary work to permanent residence.

Run it with no arguments to browse, or with a guide's slug to open that guide. The guides are general information, not legal advice: check the official pages they cite before you act.

` + exitCodesHelp,
		Version:           versionString(),
		Args:              usageArgs(cobra.MaximumNArgs(1)),
		SilenceUsage:      true,
		SilenceErrors:     true,
		ValidArgsFunction: a.completeSlugs,
		RunE:              a.runBrowse,
		// For runBrowse's "did you mean the command": cobra applies its
		// default distance only inside its own lookup.
		SuggestionsMinimumDistance: 2,
	}
	root.SetVersionTemplate("pathways {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usage(err) })
	pf := root.PersistentFlags()
	pf.StringArrayVar(&a.dirs, "dir", nil, "add guides from `DIR` (repeatable; also PATHWAYS_DIR, colon-separated)")
	pf.StringVar(&a.style, "style", assets.StyleAuto, "`STYLE`: auto, dark, light, notty or ascii")
	pf.IntVar(&a.width, "width", 0, "wrap text at `N` columns (default: the terminal's width, at most 100, or 80)")
	pf.StringVar(&a.maxSize, "max-size", "2MiB", "skip guide files larger than `SIZE` (bytes, or with KiB or MiB)")
	pf.Bool("no-state", false, "do not read or save reading state: positions, bookmarks, recent guides (also PATHWAYS_STATE=off)")
	_ = root.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(assets.StyleNames, cobra.ShellCompDirectiveNoFileComp))
	_ = root.MarkPersistentFlagDirname("dir")

	root.AddCommand(a.listCmd(), a.showCmd(), a.checkCmd(), a.searchCmd(), a.bookmarksCmd(), a.findCmd(), a.crsCmd())
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell completion script (bash, zsh, fish, powershell)"
		}
	}
	return root
}

// library loads the embedded guides and any extra folders once. Folder
// problems are reported on stderr unless quiet; the good guides load anyway.
func (a *app) library(quiet bool) (*guides.Library, error) {
	return a.load(quiet, guides.Options{})
}

// headers loads only the guides' front matter, for listing them: header
// problems are reported, link problems are left to check.
func (a *app) headers() (*guides.Library, error) {
	return a.load(false, guides.Options{Lazy: true})
}

// lazily loads front matter now and each guide's text when it is needed
// (see guides.Options.Lazy), for commands that show one guide. Problems
// are not reported: call report once the guide is shown, for those in
// headers, in the guides read and in the shown guide's links.
func (a *app) lazily() (*guides.Library, error) {
	return a.load(true, guides.Options{Lazy: true})
}

func (a *app) load(quiet bool, opts guides.Options) (*guides.Library, error) {
	if a.lib != nil && (a.libOpts == guides.Options{} || a.libOpts == opts) {
		return a.lib, nil
	}
	dirs := []guides.Dir{guides.Embedded()}
	var extra []string
	if env := a.getenv("PATHWAYS_DIR"); env != "" {
		extra = append(extra, filepath.SplitList(env)...)
	}
	extra = append(extra, a.dirs...)
	for _, d := range extra {
		if d == "" {
			continue
		}
		info, err := os.Stat(d)
		switch {
		case os.IsNotExist(err):
			return nil, usage(fmt.Errorf("guide folder %s: %v", guides.SanitizeLine(d), describeErr(err)))
		case err != nil:
			return nil, fmt.Errorf("guide folder %s: %v", guides.SanitizeLine(d), describeErr(err))
		case !info.IsDir():
			return nil, usage(fmt.Errorf("guide folder %s is a file, not a folder", guides.SanitizeLine(d)))
		}
		// A folder asked for by name that cannot be read is a runtime
		// failure (exit 3); one found inside it is a problem check reports.
		if err := readable(d); err != nil {
			return nil, fmt.Errorf("guide folder %s: %v", guides.SanitizeLine(d), describeErr(err))
		}
		dirs = append(dirs, guides.OSDir(d))
	}
	limit, err := parseSize(a.maxSize)
	if err != nil {
		return nil, usage(err)
	}
	a.libOpts = opts
	opts.MaxFileSize = limit
	a.lib = guides.Load(dirs, opts)
	if !quiet {
		a.report(a.lib)
	}
	return a.lib, nil
}

// report prints the problems found in guide files on stderr, with extra
// ones (a shown guide's link problems, which a lazy library has not
// looked for), each once.
func (a *app) report(lib *guides.Library, extra ...guides.Problem) {
	var probs []guides.Problem
	seen := map[guides.Problem]bool{}
	for _, p := range append(lib.Problems(), extra...) {
		if !seen[p] {
			seen[p] = true
			probs = append(probs, p)
		}
	}
	for _, p := range probs {
		fmt.Fprintln(a.stderr, p.String())
	}
	if len(probs) > 0 {
		a.errorf("%d problem(s) in guide files; the other guides loaded (run `pathways check` for the list)", len(probs))
	}
}

// readable reports whether the folder d can be listed.
func readable(d string) error {
	f, err := os.Open(d)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.ReadDir(1); err != nil && err != io.EOF {
		return err
	}
	return nil
}

func describeErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w any) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}

// output is what style and width resolution need to know of w.
func (a *app) output(w any) render.Output {
	o := render.OutputFromEnv(render.Output{Style: a.style, Width: a.width, Terminal: isTerminal(w)}, a.getenv)
	if f, ok := w.(interface{ Fd() uintptr }); ok && o.Terminal {
		if width, _, err := term.GetSize(f.Fd()); err == nil {
			o.TermWidth = width
		}
	}
	return o
}

// textStyle resolves --style for printed output (see render.ResolveStyle);
// auto asks the terminal for its background.
func (a *app) textStyle() (string, error) {
	style, err := render.ResolveStyle(a.output(a.stdout))
	if err != nil {
		return "", usage(err)
	}
	return render.Background(style, func() bool {
		in, okIn := a.stdin.(*os.File)
		out, okOut := a.stdout.(*os.File)
		if okIn && okOut && isTerminal(in) && isTerminal(out) {
			return lipgloss.HasDarkBackground(in, out)
		}
		return true
	}), nil
}

// textWidth resolves --width for printed output.
func (a *app) textWidth() int { return render.ResolveWidth(a.output(a.stdout)) }

func (a *app) completeSlugs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	// Front matter only: a guide's text is read just for its anchors.
	lib, err := a.load(true, guides.Options{Lazy: true})
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	if slug, prefix, ok := strings.Cut(toComplete, "#"); ok && cmd.Name() == "show" {
		if g, found := lib.Guide(slug); found {
			for _, h := range g.Headings() {
				if strings.HasPrefix(h.Anchor, prefix) {
					out = append(out, slug+"#"+h.Anchor+"\t"+h.Text)
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	for _, g := range lib.Guides() {
		if strings.HasPrefix(g.Slug, toComplete) {
			out = append(out, g.Slug+"\t"+g.Title)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// parseSize reads a size such as 2MiB, 512KiB or 100000.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return guides.DefaultMaxFileSize, nil
	}
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"MiB", 1 << 20}, {"KiB", 1 << 10}, {"MB", 1000 * 1000}, {"KB", 1000}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("--max-size %q is not a size such as 2MiB, 512KiB or 100000", guides.SanitizeLine(s))
	}
	if n > maxMaxSize/mult {
		return 0, fmt.Errorf("--max-size %q is over the largest size allowed, 1024MiB", guides.SanitizeLine(s))
	}
	return n * mult, nil
}

// maxMaxSize is the largest --max-size: a guide is text a person reads, and
// a larger limit would let sizes overflow.
const maxMaxSize = 1 << 30
