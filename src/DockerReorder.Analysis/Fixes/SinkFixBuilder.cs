using System.Text;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Planning;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Fixes;

/// <summary>
/// Turns a <see cref="SinkPlan"/> into edits: the broad copy (with the comments above it) moves
/// below the last crossed step, and a copy of just the manifests is written right before each
/// install that needs one. Everything else stays byte-identical.
/// </summary>
public static class SinkFixBuilder
{
    /// <summary>Builds the fix, or null when the plan moves nothing.</summary>
    public static Fix? Build(SinkPlan plan, DockerfileSyntax tree)
    {
        if (!plan.Moves) return null;
        var source = tree.Source.Text;
        string newline = tree.Source.NewLine;
        var copy = plan.BroadCopy.Copy;
        var copyInstruction = copy.Instruction;
        var edits = new List<TextEdit>();

        // 1. Take the broad copy out (with its attached comments and its line break). The manifest copies go before a
        // crossed WORKDIR instead of each install when they must create the destination first (SinkPlan.ManifestsBefore).
        var movable = copyInstruction.MovableSpan;
        edits.Add(new TextEdit(WithCollapsedBlankLine(source, movable), ""));
        var early = plan.ManifestsBefore;
        var atWorkdir = early is null ? null : new StringBuilder();

        // 2. A manifest copy right before each install that reads files from the broad copy. A manifest an earlier install's
        // copy brought is there already (`go mod download` then `go mod verify`): in the original the broad copy wrote it
        // once, before both, so a second copy would only put back what the steps between changed or deleted.
        var copied = new HashSet<(string, ImageLocation)>();
        var copiedFolders = new List<(string Folder, ImageLocation Image)>();
        foreach (var planned in plan.Installs)
        {
            var manifests = planned.Manifests.Where(m => !copied.Contains((m.ContextPath, m.Image)) && !InCopiedFolder(m, copiedFolders)).ToList();
            foreach (var m in manifests)
            {
                copied.Add((m.ContextPath, m.Image));
                if (m.IsDirectory) copiedFolders.Add((m.ContextPath.TrimEnd('/') + "/", m.Image));
            }
            var install = planned with { Manifests = manifests };
            if (install.Manifests.Count == 0) continue;
            var at = install.Step.Instruction.MovableSpan.Start;
            var text = atWorkdir ?? new StringBuilder();
            var place = early ?? install.Step;
            string indent = IndentOf(place.Instruction);
            // Files go to their folder, several to one COPY; a manifest folder is copied on its own ("COPY gradle ./gradle/"
            // copies the folder's contents into ./gradle/: beside files into "./" it would spill them there).
            var copies = install.Manifests.Where(m => !m.IsDirectory)
                .GroupBy(m => DirectoryOf(m.Image))
                .Select(g => (Directory: g.Key, Sources: g.Select(m => m.ContextPath).ToList()))
                .Concat(install.Manifests.Where(m => m.IsDirectory).Select(m => (Directory: m.Image, Sources: new List<string> { m.ContextPath })))
                .OrderBy(c => c.Directory.Path, StringComparer.Ordinal);
            foreach (var (directory, sources) in copies)
            {
                text.Append(indent).Append(ManifestCopyText(plan, place, directory, sources)).Append(newline);
            }
            if (atWorkdir is null) edits.Add(new TextEdit(new TextSpan(at, 0), text.ToString()));
        }
        if (early is not null && atWorkdir!.Length > 0) edits.Add(new TextEdit(new TextSpan(early.Instruction.MovableSpan.Start, 0), atWorkdir.ToString()));

        // 3. The broad copy lands after the last crossed step (unless its twin stands there: then it is only taken out).
        var lastStep = plan.Crossed[^1].Instruction;
        if (plan.AbsorbedBy is not null) return Finish(plan, edits);
        string moved = source.Substring(movable.Start, movable.Length);
        if (plan.NewDestination is not null)
        {
            var destToken = copyInstruction.ArgumentTokens[^1];
            int offset = destToken.Span.Start - movable.Start;
            // The planner only spells out a shell-form destination that needs no quoting (see SinkPlanner.Plan).
            string replacement = copyInstruction.IsJsonForm ? JsonString(plan.NewDestination) : plan.NewDestination;
            moved = moved[..offset] + replacement + moved[(offset + destToken.Span.Length)..];
        }
        if (!lastStep.EndsWithLineBreak)
        {
            // The file ends without a line break after the last crossed step: keep it that way.
            moved = newline + TrimOneLineBreak(moved);
        }
        edits.Add(new TextEdit(new TextSpan(lastStep.Span.End, 0), moved));
        return Finish(plan, edits);
    }

    private static Fix Finish(SinkPlan plan, List<TextEdit> edits)
    {
        bool safe = plan.UnsafeReasons.Count == 0;
        return new Fix
        {
            Description = Describe(plan),
            Applicability = safe ? FixApplicability.Safe : FixApplicability.Unsafe,
            UnsafeReason = safe ? null : plan.UnsafeReasons[0],
            Edits = edits,
            CopiedManifests = plan.Installs.SelectMany(i => i.Manifests).Where(m => !m.IsDirectory).Select(m => m.ContextPath).Distinct().ToList(),
        };
    }

    // True when a manifest file lies inside a manifest folder copied whole before it, at the matching place.
    private static bool InCopiedFolder(ManifestFile manifest, List<(string Folder, ImageLocation Image)> folders)
    {
        foreach (var (folder, image) in folders)
        {
            if (!manifest.ContextPath.StartsWith(folder, StringComparison.Ordinal)) continue;
            if (image.Join(manifest.ContextPath[folder.Length..]) == manifest.Image) return true;
        }
        return false;
    }

    // When the moved lines stood between two blank lines, take one blank line with them so the gap does not double.
    private static TextSpan WithCollapsedBlankLine(string text, TextSpan span)
    {
        bool blankAbove = span.Start == 0 || IsBlankLineEndingAt(text, span.Start);
        if (!blankAbove) return span;
        int end = span.End;
        int k = end;
        while (k < text.Length && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) k++;
        if (k < text.Length && text[k] == '\n') return TextSpan.FromBounds(span.Start, k + 1);
        return span;
    }

    // True when the line that ends just before `offset` (offset is a line start) holds only whitespace.
    private static bool IsBlankLineEndingAt(string text, int offset)
    {
        int k = offset - 1; // the '\n' ending the previous line
        if (k < 0 || text[k] != '\n') return false;
        k--;
        while (k >= 0 && text[k] != '\n')
        {
            if (text[k] is not (' ' or '\t' or '\r')) return false;
            k--;
        }
        return true;
    }

    private static string Describe(SinkPlan plan)
    {
        var copyLine = plan.BroadCopy.Copy.Step.Line;
        var manifests = plan.Installs.SelectMany(i => i.Manifests).Select(m => m.IsDirectory ? m.ContextPath + "/" : m.ContextPath).Distinct().ToList();
        var target = plan.Crossed[^1].Line;
        if (plan.AbsorbedBy is { } twin)
        {
            var drop = $"remove the broad copy (line {copyLine}), which the same copy on line {twin.Line} repeats after line {target}";
            return manifests.Count > 0 ? $"copy {string.Join(", ", manifests)} before the install and {drop}" : drop;
        }
        if (plan.ManifestsBefore is { } workdir)
            return $"copy {string.Join(", ", manifests)} before the WORKDIR on line {workdir.Line} (the copy creates the destination, as the broad copy did) and move the broad copy (line {copyLine}) below line {target}";
        return manifests.Count > 0
            ? $"copy {string.Join(", ", manifests)} before the install and move the broad copy (line {copyLine}) below line {target}"
            : $"move the broad copy (line {copyLine}) below line {target}";
    }

    private static ImageLocation DirectoryOf(ImageLocation file)
    {
        int slash = file.Path.LastIndexOf('/');
        string dir = slash < 0 ? "." : slash == 0 ? "/" : file.Path[..slash];
        return new ImageLocation(dir, file.WorkdirVersion);
    }

    private static string IndentOf(InstructionSyntax instruction)
    {
        var text = instruction.Source.Text;
        int start = instruction.Span.Start;
        int i = start;
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) i--;
        return text[i..start];
    }

    private static string TrimOneLineBreak(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal)) return text[..^2];
        if (text.EndsWith('\n')) return text[..^1];
        return text;
    }

    /// <summary>The synthesized <c>COPY</c>: the broad copy's keyword casing, ownership flags and destination mapping.</summary>
    private static string ManifestCopyText(SinkPlan plan, Step place, ImageLocation directory, IReadOnlyList<string> files)
    {
        var copy = plan.BroadCopy.Copy;
        var instruction = copy.Instruction;
        var sb = new StringBuilder();
        sb.Append(CopyKeyword(instruction.Keyword.Text));
        foreach (var flag in instruction.Flags)
        {
            if (flag.Name is "chown" or "chmod" or "link") sb.Append(' ').Append(flag.Token.Text);
        }
        string destination = DestinationText(plan, place, directory);
        var words = files.Append(destination).ToList();
        if (instruction.IsJsonForm || words.Any(w => w.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '\\' || c == '`' || c == '$')))
        {
            if (!instruction.IsJsonForm && words.Take(words.Count - 1).All(w => !w.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '\\' || c == '`' || c == '$')))
            {
                // Only the destination (as written, with its variables) needs the shell form.
                sb.Append(' ').Append(string.Join(' ', words));
                return sb.ToString();
            }
            sb.Append(" [").Append(string.Join(", ", words.Select(JsonString))).Append(']');
            return sb.ToString();
        }
        sb.Append(' ').Append(string.Join(' ', words));
        return sb.ToString();
    }

    // Where the manifests of one directory go, written like the broad copy's destination where possible.
    // `place` is the step the copy is written above (the install, or the crossed WORKDIR of SinkPlan.ManifestsBefore).
    private static string DestinationText(SinkPlan plan, Step place, ImageLocation directory)
    {
        var copy = plan.BroadCopy.Copy;
        var target = plan.BroadCopy.Destination;
        string rel = ImageLocation.IsUnder(directory, target) == true ? ImagePath.RelativeTo(directory.Path, target.Path) : directory.Path;
        // The same path again after a crossed WORKDIR counts as the same: the relative destination means the same there.
        bool sameWorkdir = place.State.WorkingDirectory.IsSameAs(copy.Step.State.WorkingDirectory);
        string baseText;
        if (copy.Destination.StartsWith('/') || sameWorkdir)
        {
            baseText = copy.RawDestination;
        }
        else
        {
            // The install runs in another working directory: name the directory the copy resolved to.
            baseText = copy.AbsoluteDestination ?? copy.RawDestination;
        }
        if (baseText == ".") baseText = "./";
        // A destination in one pair of double quotes (`"$APP_HOME"`) gets the rest inside them, as a person writes it.
        bool quoted = !copy.Instruction.IsJsonForm && baseText.Length >= 2 && baseText[0] == '"' && baseText[^1] == '"' && baseText.Count(c => c == '"') == 2;
        if (quoted) baseText = baseText[1..^1];
        if (!baseText.EndsWith('/')) baseText += "/";
        var text = rel.Length == 0 ? baseText : baseText + rel + "/";
        return quoted ? "\"" + text + "\"" : text;
    }

    private static string CopyKeyword(string keyword)
    {
        if (keyword.Equals("COPY", StringComparison.OrdinalIgnoreCase)) return keyword;
        // An ADD broad copy: write COPY in the same casing (ADD's archive extraction is not wanted for manifests).
        if (keyword.All(char.IsLower)) return "copy";
        if (char.IsUpper(keyword[0]) && keyword.Skip(1).All(char.IsLower)) return "Copy";
        return "COPY";
    }

    private static string JsonString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c == '"' || c == '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
