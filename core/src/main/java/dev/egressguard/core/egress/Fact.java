package dev.egressguard.core.egress;

import java.util.List;

/**
 * What the graph says about one way out of a node: taken (it exists), absent, or undecided (a
 * fact it rests on is known only to the deployment). {@link Precedence} puts the facts of one node
 * in Azure's order and decides.
 */
sealed interface Fact permits Fact.Taken, Fact.Absent, Fact.Undecided {

    /** The JSON pointer, in the body of the resource the view is for, of the property this fact rests on. */
    String pointer();

    /** The same fact, resting on another property (a subnet's fact, as seen from a node on it). */
    Fact at(String pointer);

    /** This way out exists. {@code publicIpsUnknown}: why the list of addresses is not complete, or null. */
    record Taken(EgressPath path, String via, List<PublicIp> publicIps, String publicIpsUnknown, String reason,
                 String pointer) implements Fact {
        public Taken {
            publicIps = List.copyOf(publicIps);
        }

        Taken(EgressPath path, String via, String reason, String pointer) {
            this(path, via, List.of(), null, reason, pointer);
        }

        @Override
        public Taken at(String newPointer) {
            return new Taken(path, via, publicIps, publicIpsUnknown, reason, newPointer);
        }
    }

    /** This way out does not exist. */
    record Absent(String pointer) implements Fact {
        @Override
        public Absent at(String newPointer) {
            return new Absent(newPointer);
        }
    }

    /** This way out may exist: one of {@code paths} or none of them; {@code reason} says what is unknown. */
    record Undecided(List<EgressPath> paths, String reason, String pointer) implements Fact {
        public Undecided {
            paths = List.copyOf(paths);
        }

        Undecided(EgressPath path, String reason, String pointer) {
            this(List.of(path), reason, pointer);
        }

        @Override
        public Undecided at(String newPointer) {
            return new Undecided(paths, reason, newPointer);
        }
    }

    static Absent absent(String pointer) {
        return new Absent(pointer);
    }
}
