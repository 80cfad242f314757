namespace DockerReorder.Analysis.Shell;

/// <summary>One command of a shell list: simple, compound, or opaque (not looked into).</summary>
public abstract record ShellCommand;
