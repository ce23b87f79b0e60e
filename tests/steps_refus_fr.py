"""Étapes des refus en français (front_commun.fr.feature) : une commande refusée dans un
bloc en français se lit en français, et ne consigne rien."""

from __future__ import annotations

import pytest
from pytest_bdd import parsers, then, when

from bargaining import BargainingError
from tests.steps_front_commun_fr import COMITE, FrontCommun, _espaces, _jour


@when(parsers.parse("on consigne en français pour « {unite} » une convention collective du "
                    "{debut} au {fin}"))
def convention_refusee(front: FrontCommun, unite: str, debut: str, fin: str) -> None:
    with front.app.reading("fr"), pytest.raises(BargainingError) as refus:
        front.app.units.record_agreement(front.unites[unite], effective=_jour(debut),
                                         expiry=_jour(fin), actor=COMITE)
    front.lu = str(refus.value)  # lu après le bloc : le refus garde sa langue


@then(parsers.parse("le refus se lit « {texte} »"))
def refus_lu(front: FrontCommun, texte: str) -> None:
    assert _espaces(front.lu) == texte


@then(parsers.parse("« {unite} » garde sa seule convention collective, échue le {fin}"))
def rien_consigne(front: FrontCommun, unite: str, fin: str) -> None:
    conventions = front.app.units.get(front.unites[unite]).agreements
    assert [c.expiry for c in conventions] == [_jour(fin)]
