using System.Collections.Frozen;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Dart: <c>dart pub get</c> reads <c>pubspec.yaml</c>, <c>pubspec.lock</c> and <c>pubspec_overrides.yaml</c> and writes
/// <c>.dart_tool/</c> and the pub cache; path dependencies and workspaces need the source. Flutter's <c>pub get</c> also
/// regenerates the project's plugin and platform files, so it needs the source too.
/// </summary>
internal static class DartCommands
{
    private static readonly FrozenSet<string> PubOptions = FrozenSet.ToFrozenSet(["-C", "--directory"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["dart"] = Dart;
        table["flutter"] = Flutter;
    }

    private static void Dart(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PubOptions);
        var positionals = arguments.Positionals;
        var subcommand = positionals.Count > 0 ? positionals[0].Value : null;
        switch (subcommand)
        {
            case "pub" when positionals.Count > 1 && positionals[1].Value is "get" or "upgrade" or "downgrade":
                Get(command, arguments, rewritesLock: positionals[1].Value != "get");
                return;
            case "pub" when positionals.Count > 2 && positionals[1].Value == "global" && positionals[2].Value == "activate"
                            && !arguments.Has("--source", "-s"):
                // `dart pub global activate protoc_plugin` installs a tool from pub.dev into the pub cache.
                command.ReadsNothing("pub", PubCache(command));
                return;
            case null:
                command.VersionOrNotKnown(arguments, "--version");
                return;
            default:
                command.NeedsSourceIn("pub", "builds or runs the project from the source");
                return;
        }
    }

    private static void Flutter(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PubOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "config" or "precache" or "doctor":
                command.ReadsNothing("pub", command.HomePath(".flutter"), command.HomePath(".config/flutter"));
                return;
            case null:
                command.VersionOrNotKnown(arguments, "--version");
                return;
            case "pub" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value is "get" or "upgrade" or "downgrade":
                // `flutter pub get` writes .flutter-plugins, ios/Flutter/Generated.xcconfig and android/local.properties into
                // the project and runs gen-l10n over lib/l10n when pubspec.yaml says `generate: true`.
                command.Effect.Ecosystem("pub");
                command.Effect.Install(command.Display);
                command.NeedsSource("also regenerates the Flutter project's plugin and platform files from the source");
                return;
            default:
                command.NeedsSourceIn("pub", "builds or runs the Flutter project from the source");
                return;
        }
    }

    private static string PubCache(CommandInvocation command) => command.Variable("PUB_CACHE") ?? command.HomePath(".pub-cache");

    private static void Get(CommandInvocation command, ParsedArguments arguments, bool rewritesLock)
    {
        var directory = arguments.Value("-C", "--directory")?.Value ?? ".";
        command.Effect.Ecosystem("pub");
        command.Effect.Install(command.Display);
        var pubspec = command.ReadsAndLooksUp(directory + "/pubspec.yaml", required: true);
        var lockPath = command.ReadsManifest(directory + "/pubspec.lock", required: false);
        command.ReadsManifest(directory + "/pubspec_overrides.yaml", required: false);
        if (pubspec.Content is { } text)
        {
            if (HasKey(text, "workspace") || HasKey(text, "resolution"))
            {
                // Dart 3.6 workspaces: the root lists its members, and a member resolves with its root (https://dart.dev/tools/pub/workspaces).
                command.NeedsSource("resolves a pub workspace, which reads every member's `pubspec.yaml`");
            }
            else if (HasKey(text, "path"))
            {
                command.NeedsSource("depends on a local path (`path:` in `pubspec.yaml`)");
            }
        }

        if (lockPath is not null && !arguments.Has("--enforce-lockfile") && (rewritesLock || command.Lookup(lockPath).State != ManifestState.Present))
        {
            command.Effect.MayRewrite(lockPath);
        }

        command.Effect.Write(command.Resolve(directory + "/.dart_tool") ?? ".dart_tool");
        command.Effect.Write(PubCache(command));
    }

    /// <summary>True when a line of the YAML text (at any indentation) starts with <c>key:</c>.</summary>
    private static bool HasKey(string text, string key)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(key, StringComparison.Ordinal) && trimmed.Length > key.Length && trimmed[key.Length] == ':')
            {
                return true;
            }
        }

        return false;
    }
}
