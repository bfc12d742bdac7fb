namespace EcosystemMarket.Portal.Gateway;

/// <summary>What the gateway answered, or why there is no answer (shown in place of the figures it would have given).</summary>
public sealed record GatewayAnswer<T>(T? Value, string? Problem) where T : class;
