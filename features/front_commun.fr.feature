# language: fr
Fonctionnalité: Le Front commun de 2023, lu en français
  Le Front commun (CSN, CSQ, FTQ et APTS, environ 420 000 personnes salariées) a coordonné ses
  revendications, voté des mandats de grève pouvant aller jusqu’à la grève générale illimitée du
  18 septembre au 13 octobre 2023, puis conclu une entente de principe le 28 décembre 2023 à la
  table centrale : des hausses de 6 %, 2,8 %, 2,5 %, 2,5 % et 2,5 % jusqu’au 31 mars 2028. Le
  même historique que l’on consigne en anglais se lit en français, avec les dates et les
  nombres écrits comme on les écrit au Québec. Les votes des assemblées et la participation
  aux actions sont illustratifs.

  Contexte:
    Soit le regroupement « Front commun 2023 » formé le 2022-09-15, avec un plancher salarial de 16,4 % sur la durée de la convention
    Et ces unités de négociation du Front commun, chacune avec une convention collective du 2020-04-01 au 2023-03-31 :
      | unité          | syndicat | secteur   |
      | CSN santé      | CSN      | santé     |
      | APTS santé     | APTS     | santé     |
      | CSQ éducation  | CSQ      | éducation |
      | FTQ éducation  | FTQ      | éducation |
    Et une table centrale « Front commun » ouverte le 2022-10-28 pour toutes ces unités

  Scénario: L’entente de principe du 28 décembre 2023 se lit en français
    Quand l’entente de principe est conclue à la table centrale le 2023-12-28 : des hausses de 6 %, 2,8 %, 2,5 %, 2,5 % et 2,5 % du 2023-04-01 au 2028-03-31
    Et les assemblées entérinent l’entente de principe :
      | unité          | tenue le   | pour   | contre |
      | CSQ éducation  | 2024-01-16 | 41 200 | 6 300  |
      | CSN santé      | 2024-01-25 | 52 400 | 9 100  |
      | APTS santé     | 2024-02-08 | 38 900 | 7 700  |
      | FTQ éducation  | 2024-02-20 | 29 800 | 4 500  |
    Et les résultats sont compilés le 2024-02-21
    Alors l’historique en français de la table centrale dit « Entente de principe conclue le 28 décembre 2023 à la table centrale « Front commun » »
    Et il dit « du 1er avril 2023 au 31 mars 2028, atteint le plancher au regard de Front commun 2023 v1 »
    Et il dit « Résultats compilés le 21 février 2024 »
    Et il dit « 162 300 pour, 27 600 contre sur 189 900 votes exprimés ; 4 sur 4 unités favorables ; entérinée par l’ensemble des bulletins »
    Et l’historique en anglais de la table centrale dit « Tentative agreement reached on 2023-12-28 in the central table 'Front commun' »

  Scénario: L’offre du gouvernement, évaluée au regard du cahier de revendications, se lit en français
    Le gouvernement offrait 9 % sur cinq ans quand l’inflation projetée était de 16,4 % : le
    plancher salarial du Front commun. L’évaluation consignée avec l’offre se lit dans la langue
    de la personne qui la lit.
    Quand le gouvernement dépose le 2022-12-15 à la table centrale une offre de hausses de 1,5 %, 1,5 %, 2 %, 2 % et 2 %
    Alors l’évaluation de l’offre en français dit « Front commun 2023 v1 : sous le plancher »
    Et elle dit « salaires (salaires) : sous le plancher : hausses de 1,5 %, 1,5 %, 2 %, 2 %, 2 %, soit 9,3 % composé sur 5 ans ; plancher de 16,4 % : 7,1 points sous le plancher ; soit 1,8 % par année »
    Et l’évaluation de l’offre en anglais dit « increases 1.5%, 1.5%, 2%, 2%, 2% compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor; that is 1.8% a year »

  Scénario: Les mandats de grève et la participation se lisent en français
    Soit une campagne « Front commun 2023 » du regroupement lancée le 2023-01-09
    Quand « CSN santé » vote un mandat de grève « up to and including an unlimited general strike » le 2023-09-18 : 900 pour, 45 contre sur 950 votes exprimés, 1 000 personnes inscrites
    Et une assemblée d’organisation tenue le 2023-02-01 réunit 174 des 1 000 personnes salariées de « CSN santé »
    Alors l’historique en français de la campagne dit « Vote de grève 1 de CSN, Gouvernement du Québec (CSN santé) (pouvant aller jusqu’à la grève générale illimitée) »
    Et il dit « vote tenu le 18 septembre 2023 : 900 pour, 45 contre sur 950 votes exprimés (1 000 personnes inscrites), adopté »
    Et il dit « 174 sur 1 000 ont participé (17,4 %) contre un seuil de 1 % : réussi »
    Et il dit « Campagne « Front commun 2023 » du regroupement « Front commun 2023 » lancée le 9 janvier 2023 »

  Scénario: Un refus se lit en français, ses dates écrites comme au Québec, et rien n’est consigné
    Quand on consigne en français pour « CSN santé » une convention collective du 2023-04-01 au 2022-03-31
    Alors le refus se lit « une convention doit échoir après son entrée en vigueur : en vigueur le 1er avril 2023, échéance le 31 mars 2022 »
    Et « CSN santé » garde sa seule convention collective, échue le 2023-03-31
