using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Model;

/// <summary>The checks a profile's fields share, each naming the field by its path.</summary>
public static class ProfileValidation
{
    /// <summary>
    /// Checks the number of entries, then each entry under its own path (<c>field[i]</c>). Past the maximum
    /// only the count is reported: a list of thousands would otherwise answer with thousands of errors.
    /// </summary>
    public static ValidationErrors EachOf<T>(this ValidationErrors errors, string field, IReadOnlyList<T?>? items, int min, int max,
        Action<string, T> validate) where T : class
    {
        var count = items?.Count ?? 0;
        if (count < min || count > max)
        {
            errors.Add(field, min == 0 ? $"'{field}' takes at most {max} entries." : $"'{field}' needs {min} to {max} entries.");
            if (count > max)
            {
                return errors;
            }
        }
        for (var i = 0; i < count; i++)
        {
            var path = $"{field}[{i}]";
            if (items![i] is { } item)
            {
                validate(path, item);
            }
            else
            {
                errors.Add(path, $"'{path}' must not be null.");
            }
        }
        return errors;
    }

    public static ValidationErrors RequireOneOf(this ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors.Add(field, $"'{field}' must be one of: {string.Join(", ", allowed)}.");
        }
        return errors;
    }

    public static ValidationErrors RequireVendorId(this ValidationErrors errors, string field, string? value)
    {
        if (!PartnerTaxonomy.IsVendorId(value))
        {
            errors.Add(field, $"'{field}' must be a vendor id: a lower-case slug such as 'netapp' or 'palo-alto-networks'.");
        }
        return errors;
    }

    /// <summary>A code of the taxonomy; otherwise the error suggests the closest codes that are.</summary>
    public static ValidationErrors RequireKnownCapability(this ValidationErrors errors, string field, string? code, CapabilityTaxonomy taxonomy)
    {
        if (code is not null && CodeFormats.IsCapability(code) && taxonomy.Contains(code))
        {
            return errors;
        }
        return errors.AddUnknownCapability(field, code, CapabilitySuggester.Suggest(code, taxonomy));
    }
}
