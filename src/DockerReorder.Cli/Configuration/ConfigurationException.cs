namespace DockerReorder.Cli.Configuration;

/// <summary>A configuration file that cannot be used; the message is one line, <c>PATH[:LINE:COL]: problem</c>.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
