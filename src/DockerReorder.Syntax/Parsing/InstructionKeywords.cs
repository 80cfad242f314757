namespace DockerReorder.Syntax.Parsing;

/// <summary>Maps lower-cased keywords to <see cref="InstructionKind"/>.</summary>
internal static class InstructionKeywords
{
    private static readonly (string Upper, string Lower, InstructionKind Kind)[] Known =
    [
        ("FROM", "from", InstructionKind.From), ("RUN", "run", InstructionKind.Run), ("CMD", "cmd", InstructionKind.Cmd),
        ("LABEL", "label", InstructionKind.Label), ("MAINTAINER", "maintainer", InstructionKind.Maintainer),
        ("EXPOSE", "expose", InstructionKind.Expose), ("ENV", "env", InstructionKind.Env), ("ADD", "add", InstructionKind.Add),
        ("COPY", "copy", InstructionKind.Copy), ("ENTRYPOINT", "entrypoint", InstructionKind.Entrypoint),
        ("VOLUME", "volume", InstructionKind.Volume), ("USER", "user", InstructionKind.User), ("WORKDIR", "workdir", InstructionKind.Workdir),
        ("ARG", "arg", InstructionKind.Arg), ("ONBUILD", "onbuild", InstructionKind.Onbuild), ("STOPSIGNAL", "stopsignal", InstructionKind.StopSignal),
        ("HEALTHCHECK", "healthcheck", InstructionKind.Healthcheck), ("SHELL", "shell", InstructionKind.Shell),
    ];

    /// <summary>
    /// Recognises the keyword <c>s[start..end)</c> without allocating for the usual spellings: returns the kind, the
    /// lower-cased keyword and the keyword as written (shared strings for upper- and lower-case spellings).
    /// </summary>
    public static InstructionKind Recognize(string s, int start, int end, out string lower, out string asWritten)
    {
        var span = s.AsSpan(start, end - start);
        foreach (var (upper, low, kind) in Known)
        {
            if (span.Length != upper.Length || !span.Equals(upper, StringComparison.OrdinalIgnoreCase)) continue;
            lower = low;
            asWritten = span.SequenceEqual(upper) ? upper : span.SequenceEqual(low) ? low : span.ToString();
            return kind;
        }
        asWritten = span.ToString();
        lower = asWritten.ToLowerInvariant();
        return KindOf(lower);
    }

    /// <summary>The keyword <c>s[start..end)</c> as written, shared for the usual spellings (see <see cref="Recognize"/>).</summary>
    public static string AsWritten(string s, int start, int end)
    {
        Recognize(s, start, end, out _, out var asWritten);
        return asWritten;
    }

    /// <summary>The kind for a lower-cased keyword; <see cref="InstructionKind.Unknown"/> for anything else.</summary>
    public static InstructionKind KindOf(string lowerKeyword) => lowerKeyword switch
    {
        "from" => InstructionKind.From,
        "run" => InstructionKind.Run,
        "cmd" => InstructionKind.Cmd,
        "label" => InstructionKind.Label,
        "maintainer" => InstructionKind.Maintainer,
        "expose" => InstructionKind.Expose,
        "env" => InstructionKind.Env,
        "add" => InstructionKind.Add,
        "copy" => InstructionKind.Copy,
        "entrypoint" => InstructionKind.Entrypoint,
        "volume" => InstructionKind.Volume,
        "user" => InstructionKind.User,
        "workdir" => InstructionKind.Workdir,
        "arg" => InstructionKind.Arg,
        "onbuild" => InstructionKind.Onbuild,
        "stopsignal" => InstructionKind.StopSignal,
        "healthcheck" => InstructionKind.Healthcheck,
        "shell" => InstructionKind.Shell,
        _ => InstructionKind.Unknown,
    };
}
