using System.Data.Common;

namespace ContentHub.Server.Data;

/// <summary>
/// Reads a provider's error codes. Each provider has one implementation next to its context, registered with it in
/// <see cref="DataServiceCollectionExtensions"/>: a new provider adds its mapping there and nowhere else.
/// </summary>
public interface IDatabaseErrorClassifier
{
    DatabaseFailure Classify(DbException exception);
}

public static class DatabaseErrorClassifierExtensions
{
    /// <summary>What the database exception in <paramref name="exception"/> or its inner exceptions means; null when there is none.</summary>
    public static DatabaseFailure? ClassifyAny(this IDatabaseErrorClassifier classifier, Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database)
            {
                return classifier.Classify(database);
            }
        }

        return null;
    }
}
