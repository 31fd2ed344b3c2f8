//! Changes about the meeting itself: who held a role (chair, head of delegation) and
//! how it was held (online, in person, hybrid).

use super::comparison::{Change, ChangeKind};
use super::facts::Side;
use super::link::{Linked, Links, Sides};

/// A role held by different people on the two sides ("chair: A → B").
pub fn roles(sides: &Sides, links: &mut Links) {
    let (ls, rs) = (sides.left.0, sides.right.0);
    let holders = |side: &Side, role: &str| -> Vec<usize> {
        side.roles
            .iter()
            .filter(|(r, _)| r == role)
            .map(|&(_, k)| k)
            .collect()
    };
    let mut done: Vec<&str> = Vec::new();
    for (role, _) in &ls.roles {
        if done.contains(&role.as_str()) {
            continue;
        }
        done.push(role);
        let (l, r) = (holders(ls, role), holders(rs, role));
        if l.is_empty() || r.is_empty() {
            continue;
        }
        let shares = l.iter().any(|&a| {
            r.iter().any(|&b| {
                ls.named[a].id == rs.named[b].id
                    || ls.named[a]
                        .keys
                        .iter()
                        .any(|k| rs.named[b].keys.contains(k))
            })
        });
        if shares {
            continue;
        }
        let names = |side: &Side, ks: &[usize]| {
            ks.iter()
                .map(|&k| side.named[k].name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        links.role_holders[0].extend(l.iter().map(|&k| ls.named[k].id.clone()));
        links.role_holders[1].extend(r.iter().map(|&k| rs.named[k].id.clone()));
        let (a, b) = (&ls.named[l[0]], &rs.named[r[0]]);
        links.changes.push(Linked {
            row: sides
                .conference
                .unwrap_or_else(|| sides.row_for(a.sentence, b.sentence)),
            change: Change::new(ChangeKind::Role, role.clone(), names(ls, &l), names(rs, &r)),
            spots: [
                a.span.map(|(x, y)| (a.sentence, x, y)),
                b.span.map(|(x, y)| (b.sentence, x, y)),
            ],
        });
    }
}

/// How the meeting was held, when both sides say and they differ.
pub fn format(sides: &Sides, links: &mut Links) {
    let (Some((l, li)), Some((r, ri))) = (sides.left.0.format, sides.right.0.format) else {
        return;
    };
    if l == r {
        return;
    }
    links.changes.push(Linked {
        row: sides.conference.unwrap_or_else(|| sides.row_for(li, ri)),
        change: Change::new(ChangeKind::Format, "format", l.label(), r.label()),
        spots: [None, None],
    });
}
