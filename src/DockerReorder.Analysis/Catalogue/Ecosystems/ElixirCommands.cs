namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Elixir: <c>mix deps.get</c> reads <c>mix.exs</c> and <c>mix.lock</c> and writes <c>deps</c>; umbrella projects and
/// path dependencies need the source; <c>mix local.hex</c> and <c>mix local.rebar</c> read nothing; other tasks build the project.
/// </summary>
internal static class ElixirCommands
{
    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table) => table["mix"] = Mix;

    private static void Mix(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ScriptClassifier.NoValues);
        var task = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (task)
        {
            case "deps.get":
                command.Effect.Ecosystem("mix");
                command.Effect.Install(command.Display);
                var mixExs = command.ReadsAndLooksUp("mix.exs", required: true);
                var lockPath = command.ReadsManifest("mix.lock", required: false);
                string? depsPath = null;
                if (mixExs.Content is { } text)
                {
                    if (text.Contains("apps_path:", StringComparison.Ordinal))
                    {
                        command.NeedsSource("fetches an umbrella project's apps (`apps_path:` in `mix.exs`)");
                    }
                    else if (HasKeyword(text, "path:") || HasKeyword(text, "in_umbrella:"))
                    {
                        command.NeedsSource("depends on a local path (`path:` in `mix.exs`)");
                    }
                    else if (FileReadingCall(text) is { } call)
                    {
                        // mix.exs is code Mix runs before any task: `@version File.read!("VERSION")` fails without that file.
                        command.NeedsSource($"loads `mix.exs`, which reads a file of the project (`{call}`)");
                    }

                    depsPath = QuotedValueAfter(text, "deps_path:");
                }

                if (lockPath is not null && command.Lookup(lockPath).State != ManifestState.Present)
                {
                    command.Effect.MayRewrite(lockPath);
                }

                var deps = command.Variable("MIX_DEPS_PATH") ?? depsPath ?? "deps";
                command.Effect.Write(command.Resolve(deps) ?? deps);
                return;
            case "local.hex" or "local.rebar":
                command.ReadsNothing("mix", command.Variable("MIX_HOME") ?? command.HomePath(".mix"));
                return;
            case "hex.info" or "hex.config":
                command.ReadsNothing("mix");
                return;
            case null:
                command.VersionOrNotKnown(arguments, "-v", "--version");
                return;
            case "do":
                // `mix do deps.get, deps.compile` (or `a + b` since Elixir 1.14) is Mix's own task for running several:
                // name the first task that builds or reads the project, not `do`.
                command.NeedsSourceIn("mix", $"runs the project task `{FirstProjectTask(arguments) ?? task}`");
                return;
            default:
                command.NeedsSourceIn("mix", $"runs the project task `{task}`");
                return;
        }
    }

    // The first task of a `mix do` list that is not one of Mix's own installers (tasks follow `do`, split by `,` or `+`).
    private static string? FirstProjectTask(ParsedArguments arguments)
    {
        bool taskNext = true;
        foreach (var word in arguments.Positionals.Skip(1))
        {
            var value = word.Value;
            if (value is "," or "+") { taskNext = true; continue; }
            var name = value.TrimEnd(',');
            if (taskNext && name.Length > 0 && name is not ("deps.get" or "local.hex" or "local.rebar" or "hex.info")) return name;
            taskNext = value.EndsWith(',');
        }
        return null;
    }

    /// <summary>The first call in <paramref name="text"/> that reads a project file when <c>mix.exs</c> is evaluated, or null.</summary>
    private static string? FileReadingCall(string text)
    {
        foreach (var call in (string[])["File.read", "File.stream!", "File.ls", "Code.eval_file", "Code.require_file", "Path.wildcard"])
        {
            if (text.Contains(call, StringComparison.Ordinal))
            {
                return call;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="keyword"/> appears as a whole keyword (<c>path:</c> but not <c>deps_path:</c>).</summary>
    private static bool HasKeyword(string text, string keyword)
    {
        for (var index = text.IndexOf(keyword, StringComparison.Ordinal); index >= 0; index = text.IndexOf(keyword, index + 1, StringComparison.Ordinal))
        {
            if (index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]) && text[index - 1] != '_')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The string literal right after a keyword (<c>deps_path: "/mix/deps"</c>), or null.</summary>
    private static string? QuotedValueAfter(string text, string keyword)
    {
        var index = text.IndexOf(keyword, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var rest = text.AsSpan(index + keyword.Length).TrimStart();
        if (rest.Length == 0 || rest[0] != '"')
        {
            return null;
        }

        var close = rest[1..].IndexOf('"');
        return close < 0 ? null : rest.Slice(1, close).ToString();
    }
}
