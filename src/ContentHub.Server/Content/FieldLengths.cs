namespace ContentHub.Server.Content;

/// <summary>Maximum lengths of text fields: the column sizes, and what every writer validates against first.</summary>
public static class FieldLengths
{
    public const int Key = 100;
    public const int Slug = 200;
    public const int Label = 100;
    public const int Title = 300;
    public const int AltText = 500;
    public const int ShortText = 1000;
    public const int LongText = 2000;
    public const int Url = 2048;
    public const int Email = 320;
}
