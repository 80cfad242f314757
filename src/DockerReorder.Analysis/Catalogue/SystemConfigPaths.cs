using System.Collections.Frozen;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// The system configuration each package manager reads on every run, by ecosystem name: a broad copy that writes
/// there (<c>COPY rootfs/ /</c> bringing <c>etc/apt/sources.list.d/</c> or <c>etc/pip.conf</c>) changes what it installs.
/// </summary>
internal static class SystemConfigPaths
{
    private static readonly FrozenDictionary<string, string[]> ByEcosystem = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // apt-get reads /etc/apt (sources, apt.conf.d, keyrings) and dpkg's /etc/dpkg/dpkg.cfg.d (the slim images' path excludes).
        ["apt"] = ["/etc/apt", "/etc/dpkg", "/usr/share/keyrings"],
        ["apk"] = ["/etc/apk"],
        ["yum"] = ["/etc/yum.conf", "/etc/yum.repos.d", "/etc/pki/rpm-gpg"],
        ["dnf"] = ["/etc/dnf", "/etc/yum.repos.d", "/etc/pki/rpm-gpg"],
        ["microdnf"] = ["/etc/dnf", "/etc/yum.repos.d", "/etc/pki/rpm-gpg"],
        ["tdnf"] = ["/etc/tdnf", "/etc/yum.repos.d", "/etc/pki/rpm-gpg"],
        ["zypper"] = ["/etc/zypp"],
        // pip's site-wide files (https://pip.pypa.io/en/stable/topics/configuration/#location); uv's /etc/uv/uv.toml.
        ["pip"] = ["/etc/pip.conf", "/etc/xdg/pip"],
        ["uv"] = ["/etc/uv"],
        // npm's global npmrc is $PREFIX/etc/npmrc: /usr/local/etc/npmrc in the node images; Yarn 1 and pnpm read it too.
        ["npm"] = ["/usr/local/etc/npmrc", "/etc/npmrc"],
        ["yarn"] = ["/usr/local/etc/npmrc", "/etc/npmrc"],
        ["pnpm"] = ["/usr/local/etc/npmrc", "/etc/npmrc"],
        ["gem"] = ["/etc/gemrc", "/usr/local/etc/gemrc"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] NpmConfigVariables = ["NPM_CONFIG_USERCONFIG", "npm_config_userconfig", "NPM_CONFIG_GLOBALCONFIG", "npm_config_globalconfig"];

    // A variable that names the configuration file a command reads (https://pip.pypa.io/en/stable/topics/configuration/,
    // https://docs.npmjs.com/cli/using-npm/config#environment-variables), by command name.
    private static readonly FrozenDictionary<string, string[]> VariablesByCommand = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pip"] = ["PIP_CONFIG_FILE"],
        ["python"] = ["PIP_CONFIG_FILE"],
        ["npm"] = NpmConfigVariables,
        ["npx"] = NpmConfigVariables,
        ["yarn"] = NpmConfigVariables,
        ["pnpm"] = NpmConfigVariables,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The files a dependency install reads itself as manifests, copied with the others (PythonCommands.PipConfigFile, NodeCommands' user config).
    private static readonly string[] ReadByInstalls = ["PIP_CONFIG_FILE", "NPM_CONFIG_USERCONFIG", "npm_config_userconfig"];

    /// <summary>
    /// The variables naming a configuration file that <paramref name="command"/> reads; none when it is not listed. When the command is
    /// <paramref name="installing"/> dependencies, the variables whose file the install reads as a manifest are left out.
    /// </summary>
    internal static IEnumerable<string> VariablesOf(string command, bool installing)
    {
        if (!VariablesByCommand.TryGetValue(command, out var names)) return [];
        return installing ? names.Where(name => !ReadByInstalls.Contains(name, StringComparer.Ordinal)) : names;
    }

    /// <summary>The absolute paths <paramref name="ecosystem"/> reads on every run; none when it is not listed.</summary>
    internal static IEnumerable<string> Of(string ecosystem) => ByEcosystem.TryGetValue(ecosystem, out var paths) ? paths : [];
}
