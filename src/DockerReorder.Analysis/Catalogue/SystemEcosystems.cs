namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// The ecosystem names of system package managers and shell bookkeeping (<c>apt-get install</c>, <c>useradd</c>): they
/// install the image's tools, not the project's dependencies, so they neither name an install in a message nor say
/// that the project's dependencies were installed.
/// </summary>
internal static class SystemEcosystems
{
    /// <summary>True for a system package manager or shell bookkeeping ecosystem.</summary>
    internal static bool Contains(string ecosystem) =>
        ecosystem is "apt" or "apt-get" or "apk" or "yum" or "dnf" or "microdnf" or "zypper" or "shell" or "system" or "users";
}
