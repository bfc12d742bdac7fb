namespace EcosystemMarket.Hosting;

/// <summary>A resource exited or did not become ready while it was being started.</summary>
public sealed class ResourceFailedException(string message) : Exception(message);
