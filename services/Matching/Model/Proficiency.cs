namespace EcosystemMarket.Matching.Model;

public static class Proficiency
{
    private static readonly string[] Levels = ["basic", "intermediate", "advanced", "expert"];

    /// <summary>1 (basic) to 4 (expert); an unknown word counts as basic.</summary>
    public static byte Level(string? proficiency)
    {
        var index = Array.IndexOf(Levels, proficiency);
        return (byte)(index < 0 ? 1 : index + 1);
    }

    public static string Name(int level) => Levels[Math.Clamp(level, 1, 4) - 1];
}
