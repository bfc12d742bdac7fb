namespace EcosystemMarket.Portal.Program;

/// <summary>A registration that did not win protection, beside the one it collided with (when there was one).</summary>
public sealed record RegistrationConflict(ProgramRegistration Registration, ProgramRegistration? First)
{
    /// <summary>Waiting for the vendor: the conflicting registration, or the first, is still undecided.</summary>
    public bool Open => !Registration.Decided || First is { Decided: false };
}

public static class RegistrationConflicts
{
    /// <summary>The program's conflicts, open ones first, newest first within each.</summary>
    public static IReadOnlyList<RegistrationConflict> Of(IReadOnlyList<ProgramRegistration> registrations)
    {
        var byId = registrations.ToDictionary(r => r.Id);
        return registrations.Where(r => r.InConflict)
            .Select(r => new RegistrationConflict(r, r.ConflictsWithId is { } first ? byId.GetValueOrDefault(first) : null))
            .OrderByDescending(c => c.Open).ThenByDescending(c => c.Registration.Sequence)
            .ToList();
    }
}
