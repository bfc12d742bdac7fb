namespace EcosystemMarket.ServiceDefaults.Messaging;

/// <summary>
/// The message breaks its contract and can never be handled as it is, so retrying would not help: it goes
/// straight to the endpoint's <c>_error</c> queue, the exception in its headers, for a person to look at.
/// </summary>
public sealed class UnprocessableMessageException(string message) : Exception(message);
