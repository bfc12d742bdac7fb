namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>Field errors collected by a request's validation, in the shape of a validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public ValidationErrors RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }
        return this;
    }

    /// <summary>
    /// A capability code the taxonomy does not know, said the same way by every service: with the closest known
    /// codes when there are any, else where the known codes are listed.
    /// </summary>
    public ValidationErrors AddUnknownCapability(string field, string? code, IReadOnlyCollection<string> suggestions)
    {
        var problem = string.IsNullOrWhiteSpace(code) ? $"'{field}' is required."
            : Contracts.CodeFormats.IsCapability(code) ? $"'{field}': '{code}' is not a known capability code."
            : $"'{field}' must be a lower-case capability code such as 'storage.backup'.";
        return Add(field, suggestions.Count == 0
            ? $"{problem} The known codes are listed at GET /api/partners/capabilities."
            : $"{problem} Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?");
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
