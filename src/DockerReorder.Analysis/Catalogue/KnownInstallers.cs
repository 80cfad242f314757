using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// Installer scripts that projects download and pipe into an interpreter
/// (<c>curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin</c>,
/// <c>curl https://bootstrap.pypa.io/get-pip.py | python</c>). Each installs a tool from the network
/// and reads nothing from the build context; any other piped script stays unknown.
/// </summary>
internal static class KnownInstallers
{
    // URL prefix, the interpreters it is piped into, the ecosystem, and the system paths it writes.
    private static readonly (string Prefix, string[] Interpreters, string Ecosystem, string[] Writes)[] Installers =
    [
        ("https://getcomposer.org/installer", ["php"], "composer", ["/usr/local/bin"]),
        ("https://bootstrap.pypa.io/get-pip.py", ["python", "python3"], "pip", ["/usr/local/lib", "/usr/lib", "/usr/local/bin"]),
        ("https://bootstrap.pypa.io/pip/", ["python", "python3"], "pip", ["/usr/local/lib", "/usr/lib", "/usr/local/bin"]),
        ("https://install.python-poetry.org", ["python", "python3"], "poetry", ["/root/.local", "/opt/poetry"]),
        ("https://sh.rustup.rs", ["sh", "bash"], "cargo", ["/root/.cargo", "/root/.rustup", "/usr/local/cargo", "/usr/local/rustup"]),
        ("https://astral.sh/uv/", ["sh", "bash"], "uv", ["/root/.local", "/root/.cargo"]),
        ("https://bun.sh/install", ["sh", "bash"], "bun", ["/root/.bun"]),
        ("https://deb.nodesource.com/setup_", ["sh", "bash", "-"], "apt", ["/etc/apt", "/usr/share/keyrings", "/var/lib/apt"]),
        ("https://get.pnpm.io/install.sh", ["sh", "bash"], "pnpm", ["/root/.local"]),
    ];

    /// <summary>
    /// When <paramref name="download"/> fetches a known installer and <paramref name="interpreter"/>
    /// runs it from the pipe, records the interpreter's effect and returns true.
    /// </summary>
    internal static bool TryClassify(SimpleCommand download, SimpleCommand interpreter, EffectAccumulator effect)
    {
        if (download.Words.Count == 0 || interpreter.Words.Count == 0) return false;
        var tool = download.Words[0].Value;
        if (tool is not ("curl" or "wget") || !download.Words.All(w => w.IsResolved)) return false;
        // The download must go to the pipe, not to a file.
        if (download.Words.Any(w => w.Value is "-o" or "-O" or "--output" or "--remote-name") && tool == "curl") return false;
        if (tool == "wget" && !download.Words.Any(w => w.Value is "-O-" or "-qO-" or "-qO" or "-O") ) return false;
        var url = download.Words.Skip(1).Select(w => w.Value).FirstOrDefault(v => v.StartsWith("https://", StringComparison.Ordinal));
        if (url is null || !interpreter.Words[0].IsResolved) return false;
        var name = interpreter.Words[0].Value;
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var (prefix, interpreters, ecosystem, writes) in Installers)
        {
            if (!url.StartsWith(prefix, StringComparison.Ordinal) || !interpreters.Contains(name, StringComparer.Ordinal)) continue;
            effect.Ecosystem(ecosystem);
            foreach (var write in writes) effect.Write(write);
            foreach (var word in interpreter.Words)
            {
                // composer's installer: --install-dir=/usr/local/bin
                if (word.Value.StartsWith("--install-dir=", StringComparison.Ordinal)) effect.Write(word.Value["--install-dir=".Length..]);
            }
            return true;
        }
        return false;
    }
}
