namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// The members a request's validation requires. Request records keep their members nullable, so that a missing field is
/// a 400 naming it rather than a failure to read the body; this puts them in the schema's <c>required</c> list all the same.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ValidationRequiresAttribute(params string[] members) : Attribute
{
    public IReadOnlyList<string> Members { get; } = members;
}

/// <summary>
/// A string member (or list of strings) that validation accepts only from a closed list: the static field or property
/// <paramref name="listMember"/> of <paramref name="listType"/>, the same list validation checks against.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ClosedListAttribute(string member, Type listType, string listMember) : Attribute
{
    public string Member { get; } = member;

    public IReadOnlyList<string> Values { get; } = Read(listType, listMember);

    private static IReadOnlyList<string> Read(Type type, string name)
    {
        const System.Reflection.BindingFlags flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static;
        var value = type.GetField(name, flags)?.GetValue(null) ?? type.GetProperty(name, flags)?.GetValue(null)
            ?? throw new InvalidOperationException($"{type.Name}.{name} is not a public static list.");
        return ((System.Collections.IEnumerable)value).Cast<string>().ToList();
    }
}
