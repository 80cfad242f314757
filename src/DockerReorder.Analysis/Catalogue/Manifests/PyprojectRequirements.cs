namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>
/// A <c>pyproject.toml</c> read as a list of requirements (<c>uv pip install -r pyproject.toml</c>, <c>--group</c>): uv takes the
/// dependencies from the <c>[project]</c> table when they are static, and otherwise builds the project with its build backend to
/// read them (uv 0.1.25: "Use PEP 517 to extract dynamic pyproject.toml metadata", "Fall back to PEP 517 hooks for non-compliant
/// PEP 621 metadata"), which reads the project's other files (<c>setup.py</c>, the <c>requirements.txt</c> of setuptools'
/// <c>dependencies = { file = [...] }</c>, Poetry's readme and packages). A light reading, not a TOML parser.
/// </summary>
internal static class PyprojectRequirements
{
    /// <summary>Why reading the requirements of <paramref name="content"/> needs more of the project than the file, or null.</summary>
    /// <param name="content">The text of the <c>pyproject.toml</c>.</param>
    /// <param name="groupsOnly">True when only <c>[dependency-groups]</c> are read (<c>--group</c> without <c>-r</c>): no build then.</param>
    internal static string? NeedsProjectReason(string content, bool groupsOnly)
    {
        var hasProject = false;
        var inDynamic = false;
        var dynamic = string.Empty;
        foreach (var (table, line) in TomlLines.Read(content))
        {
            var dependencyText = table is "project" or "project.optional-dependencies" or "dependency-groups";
            if (dependencyText && line.Contains("file:", StringComparison.Ordinal))
            {
                return $"installs a local `file:` requirement of `pyproject.toml` (`{line.Trim(',')}`)";
            }

            if (table.StartsWith("tool.uv.sources", StringComparison.Ordinal) && (TomlLines.SetsKey(line, "path") || TomlLines.SetsKey(line, "workspace")))
            {
                return "installs a path source declared in `pyproject.toml`";
            }

            if (table != "project")
            {
                inDynamic = false;
                continue;
            }

            hasProject = true;
            if (TomlLines.SetsKey(line, "dynamic"))
            {
                inDynamic = !line.Contains(']', StringComparison.Ordinal);
                dynamic += line;
            }
            else if (inDynamic)
            {
                dynamic += line;
                inDynamic = !line.Contains(']', StringComparison.Ordinal);
            }
        }

        if (groupsOnly)
        {
            return null;
        }

        if (!hasProject && !content.Contains("[project]", StringComparison.Ordinal))
        {
            return "builds the project to read its dependencies (`pyproject.toml` has no `[project]` table)";
        }

        return dynamic.Contains("\"dependencies\"", StringComparison.Ordinal) || dynamic.Contains("'dependencies'", StringComparison.Ordinal)
            || dynamic.Contains("optional-dependencies", StringComparison.Ordinal)
            ? "builds the project to read its dependencies, which `pyproject.toml` declares `dynamic`"
            : null;
    }
}
